#!/usr/bin/env bash
# Makes the Word and PDF forms of one test directive (tests/data/directives/
# cb-2026-06-ct-cai-thien-moi-truong.txt) with LibreOffice, as an office would have them:
# the .docx from an HTML rendering whose sections and clauses are Word's automatic numbering
# and whose header is a two-column table; the PDF from the text itself. The outputs are
# committed, so the tests never need LibreOffice (Debian: libreoffice-writer-nogui).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir="$here/tests/data/directives"
name=cb-2026-06-ct-cai-thien-moi-truong
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/$name.html" <<'HTML'
<html><head><meta charset="utf-8"></head><body>
<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH CAO BẰNG</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>
<tr><td><p>Số: 06/CT-UBND</p></td><td><p>Cao Bằng, ngày 10 tháng 3 năm 2026</p></td></tr></table>
<p>CHỈ THỊ</p>
<p>Về cải thiện môi trường đầu tư, kinh doanh và nâng cao năng lực cạnh tranh cấp tỉnh năm 2026</p>
<p>Năm 2025, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh Cao Bằng tiếp tục ở nhóm thấp. Để cải thiện môi trường đầu tư, kinh doanh, Chủ tịch UBND tỉnh yêu cầu:</p>
<ol type="1">
<li>Sở Tài chính:<ol type="a">
<li>Chủ trì, phối hợp với các sở, ban, ngành xây dựng Kế hoạch cải thiện Chỉ số PCI năm 2026, trình UBND tỉnh trước ngày 31/3/2026.</li>
<li>Tổ chức đối thoại với doanh nghiệp định kỳ hằng quý.</li></ol></li>
<li>Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh đánh giá Chỉ số DDCI của các sở, ngành và các xã, phường, hoàn thành trong quý III năm 2026.</li>
<li>Sở Khoa học và Công nghệ hỗ trợ doanh nghiệp chuyển đổi số, bảo đảm 80% thủ tục hành chính được thực hiện trực tuyến toàn trình trong năm 2026.</li>
<li>Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các xã, phường báo cáo kết quả thực hiện về Sở Tài chính trước ngày 15 hằng tháng.</li>
<li>Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị này./.</li>
</ol>
<table><tr><td><p>Nơi nhận:</p><p>- Như trên;</p><p>- Lưu: VT, TH.</p></td><td><p>CHỦ TỊCH</p><p>(Đã ký)</p><p>Lê Hải Hòa</p></td></tr></table>
</body></html>
HTML
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$work/$name.html" >/dev/null
cp "$dir/$name.txt" "$work/$name-text.txt"
soffice --headless --convert-to pdf --outdir "$work" "$work/$name-text.txt" >/dev/null
cp "$work/$name.docx" "$dir/$name.docx"
cp "$work/$name-text.pdf" "$dir/$name.pdf"
echo "wrote $dir/$name.docx and $dir/$name.pdf"
