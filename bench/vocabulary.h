#pragma once
// Words the synthetic province is written with: directive themes, duties, places and people
// of Cao Bằng, as a provincial People's Committee writes them. Invented, but in the register
// and vocabulary of real directives (07/CT-UBND and its peers), so that text search, folding
// and the PDF's shaping work on realistic Vietnamese.
#include <array>
#include <string_view>

namespace dt::bench {

struct Theme {
    std::string_view title;                      // after "Về việc tăng cường …"
    std::array<std::string_view, 5> sections;    // section titles
    std::array<std::string_view, 8> duties;      // objects of a task's verb; each names the theme
};

// Theme 0 is the one whose duties all say "giải ngân": the benchmark's text filter and the
// Taskwarrior peer search for it, and no other theme uses the words.
inline constexpr std::array<Theme, 12> kThemes{{
    {"giải ngân vốn đầu tư công",
     {"Đẩy nhanh tiến độ giải ngân vốn đầu tư công", "Tháo gỡ vướng mắc về bồi thường, giải phóng mặt bằng",
      "Nâng cao chất lượng chuẩn bị đầu tư", "Tăng cường kiểm tra, giám sát, xử lý vi phạm",
      "Chế độ thông tin, báo cáo"},
     {"kế hoạch giải ngân chi tiết của từng dự án", "hồ sơ thanh toán để giải ngân khối lượng hoàn thành",
      "cam kết tiến độ giải ngân của các chủ đầu tư", "danh mục dự án chậm giải ngân để điều chuyển vốn",
      "tiến độ giải ngân vốn các chương trình mục tiêu quốc gia", "việc giải ngân vốn ODA và vốn vay ưu đãi",
      "kết quả giải ngân vốn đầu tư công hằng tuần", "các vướng mắc làm chậm giải ngân vốn"}},
    {"đẩy mạnh chuyển đổi số, phát triển chính quyền số",
     {"Hoàn thiện hạ tầng số", "Phát triển dữ liệu số", "Cung cấp dịch vụ công trực tuyến",
      "Bảo đảm an toàn thông tin mạng", "Nâng cao kỹ năng số cho cán bộ, công chức"},
     {"hệ thống thông tin giải quyết thủ tục hành chính của tỉnh", "cơ sở dữ liệu chuyên ngành kết nối với cơ sở dữ liệu dân cư",
      "dịch vụ công trực tuyến toàn trình", "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
      "việc sử dụng chữ ký số trong xử lý văn bản", "phương án bảo đảm an toàn thông tin theo cấp độ",
      "hạ tầng mạng truyền số liệu chuyên dùng", "việc tập huấn kỹ năng số cho cán bộ, công chức"}},
    {"đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh",
     {"Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
      "Nâng cao chỉ số PAR INDEX, SIPAS, PCI", "Kiểm tra công vụ"},
     {"việc rà soát, đơn giản hóa thủ tục hành chính", "việc công khai thủ tục hành chính tại bộ phận một cửa",
      "kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp tỉnh", "việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân",
      "việc kiểm tra công vụ, kỷ luật, kỷ cương hành chính", "quy chế phối hợp giải quyết thủ tục liên thông",
      "các giải pháp cải thiện chỉ số hài lòng của người dân", "việc sắp xếp tổ chức bộ máy tinh gọn"}},
    {"chủ động phòng, chống thiên tai và tìm kiếm cứu nạn",
     {"Công tác chuẩn bị trước mùa mưa lũ", "Ứng phó khi thiên tai xảy ra", "Khắc phục hậu quả thiên tai",
      "Thông tin, cảnh báo sớm", "Bảo đảm nguồn lực"},
     {"phương án ứng phó với lũ quét, sạt lở đất", "việc kiểm tra an toàn hồ đập, công trình thủy lợi",
      "danh sách hộ dân ở vùng có nguy cơ sạt lở cao", "việc dự trữ lương thực, thuốc men, phương tiện cứu hộ",
      "kế hoạch di dời dân cư khỏi vùng nguy hiểm", "hệ thống cảnh báo sớm mưa lớn tại các xã vùng cao",
      "việc khắc phục hậu quả mưa lũ, ổn định đời sống nhân dân", "việc diễn tập phòng, chống thiên tai cấp cơ sở"}},
    {"xây dựng nông thôn mới gắn với giảm nghèo bền vững",
     {"Phát triển hạ tầng nông thôn", "Phát triển sản xuất, nâng cao thu nhập", "Giảm nghèo bền vững",
      "Bảo vệ môi trường nông thôn", "Huy động nguồn lực"},
     {"bộ tiêu chí xã nông thôn mới nâng cao", "mô hình sản xuất liên kết theo chuỗi giá trị",
      "việc hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo", "chương trình mỗi xã một sản phẩm (OCOP)",
      "việc cứng hóa đường giao thông nông thôn", "việc thu gom, xử lý rác thải sinh hoạt nông thôn",
      "kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm", "các chính sách hỗ trợ đồng bào dân tộc thiểu số"}},
    {"phát triển du lịch trở thành ngành kinh tế mũi nhọn",
     {"Quy hoạch và hạ tầng du lịch", "Phát triển sản phẩm du lịch", "Quảng bá, xúc tiến du lịch",
      "Quản lý nhà nước về du lịch", "Phát triển nguồn nhân lực du lịch"},
     {"quy hoạch khu du lịch thác Bản Giốc", "việc bảo tồn Công viên địa chất toàn cầu UNESCO Non nước Cao Bằng",
      "các sản phẩm du lịch cộng đồng tại làng đá Khuổi Ky", "chương trình quảng bá du lịch tại các hội chợ trong nước",
      "việc quản lý giá dịch vụ tại các điểm du lịch", "việc đào tạo hướng dẫn viên du lịch là người địa phương",
      "hạ tầng giao thông đến khu di tích quốc gia đặc biệt Pác Bó", "lễ hội văn hóa, thể thao và du lịch hằng năm"}},
    {"bảo đảm an toàn thực phẩm",
     {"Quản lý an toàn thực phẩm tại nguồn", "Kiểm tra, hậu kiểm", "Truyền thông an toàn thực phẩm",
      "Phòng ngừa ngộ độc thực phẩm", "Xử lý vi phạm"},
     {"việc kiểm tra cơ sở sản xuất, kinh doanh thực phẩm", "việc lấy mẫu giám sát ô nhiễm thực phẩm tại chợ",
      "kế hoạch phòng ngừa ngộ độc thực phẩm dịp Tết Nguyên đán", "việc quản lý bếp ăn tập thể tại trường học",
      "việc truy xuất nguồn gốc nông sản", "việc xử lý thực phẩm nhập lậu qua biên giới",
      "chương trình truyền thông về an toàn thực phẩm", "mô hình chợ bảo đảm an toàn thực phẩm"}},
    {"tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ",
     {"Kiểm tra an toàn phòng cháy", "Tuyên truyền, huấn luyện", "Lực lượng chữa cháy tại chỗ",
      "Hạ tầng phòng cháy, chữa cháy", "Xử lý vi phạm"},
     {"việc kiểm tra an toàn phòng cháy tại nhà ở kết hợp kinh doanh", "phương án chữa cháy tại chợ, trung tâm thương mại",
      "việc huấn luyện đội phòng cháy, chữa cháy cơ sở", "hệ thống cấp nước chữa cháy tại các đô thị",
      "việc xử lý vi phạm quy định về phòng cháy, chữa cháy", "phương án phòng cháy rừng trong mùa khô",
      "việc trang bị phương tiện chữa cháy cho khu dân cư", "việc tuyên truyền kỹ năng thoát nạn khi có cháy"}},
    {"tăng cường quản lý đất đai, tài nguyên khoáng sản",
     {"Quản lý đất đai", "Quản lý khoáng sản", "Bảo vệ môi trường", "Thanh tra, kiểm tra",
      "Cải cách thủ tục đất đai"},
     {"bảng giá đất áp dụng trên địa bàn tỉnh", "việc cấp giấy chứng nhận quyền sử dụng đất lần đầu",
      "kế hoạch sử dụng đất hằng năm cấp huyện", "việc ngăn chặn khai thác khoáng sản trái phép",
      "việc đóng cửa mỏ, phục hồi môi trường sau khai thác", "việc xử lý vi phạm pháp luật về đất đai",
      "cơ sở dữ liệu đất đai của tỉnh", "việc thu hồi đất của các dự án chậm triển khai"}},
    {"nâng cao chất lượng giáo dục và đào tạo",
     {"Quy mô mạng lưới trường lớp", "Chất lượng dạy và học", "Đội ngũ nhà giáo",
      "Cơ sở vật chất trường học", "Giáo dục vùng đồng bào dân tộc thiểu số"},
     {"việc sắp xếp mạng lưới trường, lớp học", "kế hoạch tuyển sinh đầu cấp năm học mới",
      "việc kiên cố hóa trường lớp học vùng khó khăn", "kết quả kỳ thi tốt nghiệp trung học phổ thông",
      "việc tuyển dụng giáo viên còn thiếu", "việc bảo đảm bữa ăn bán trú cho học sinh",
      "chương trình tăng cường tiếng Việt cho trẻ mầm non", "việc phổ cập giáo dục, xóa mù chữ"}},
    {"chăm sóc sức khỏe nhân dân, phòng, chống dịch bệnh",
     {"Y tế cơ sở", "Phòng, chống dịch bệnh", "Khám, chữa bệnh", "Bảo hiểm y tế", "Dân số và phát triển"},
     {"việc tiêm chủng mở rộng cho trẻ em", "việc giám sát dịch sốt xuất huyết, tay chân miệng",
      "việc nâng cao năng lực trạm y tế xã", "tỷ lệ người dân tham gia bảo hiểm y tế",
      "việc cung ứng thuốc, vật tư y tế", "việc khám sàng lọc bệnh không lây nhiễm",
      "hồ sơ sức khỏe điện tử của người dân", "công tác chăm sóc sức khỏe bà mẹ, trẻ em"}},
    {"tăng cường thu ngân sách nhà nước, chống thất thu",
     {"Quản lý nguồn thu", "Chống thất thu, nợ đọng thuế", "Tiết kiệm chi ngân sách",
      "Quản lý tài sản công", "Công khai ngân sách"},
     {"dự toán thu ngân sách nhà nước của địa phương", "việc thu hồi nợ đọng thuế",
      "việc chống thất thu thuế trong kinh doanh thương mại điện tử", "phương án sắp xếp lại, xử lý tài sản công",
      "việc tiết kiệm chi thường xuyên", "việc công khai dự toán, quyết toán ngân sách",
      "việc quản lý thu tiền sử dụng đất", "kết quả thu ngân sách hằng tháng"}},
}};

inline constexpr std::array<std::string_view, 12> kTitlePrefixes{
    "Về việc tăng cường", "Về việc tập trung chỉ đạo", "Về việc đẩy mạnh", "Về việc triển khai các giải pháp",
    "Về việc chấn chỉnh và nâng cao hiệu quả", "Về việc thực hiện quyết liệt", "Về việc tăng cường",
    "Về việc tập trung thực hiện", "Về việc đẩy mạnh", "Về việc tăng cường chỉ đạo", "Về việc tập trung triển khai",
    "Về việc nâng cao hiệu quả"};

inline constexpr std::array<std::string_view, 14> kVerbs{
    "Rà soát", "Tổ chức triển khai", "Đẩy nhanh", "Tăng cường kiểm tra", "Hướng dẫn, đôn đốc",
    "Chủ động xây dựng", "Theo dõi, tổng hợp", "Kiểm tra, đánh giá", "Tham mưu UBND tỉnh về",
    "Hoàn thiện", "Chỉ đạo thực hiện", "Phối hợp tháo gỡ vướng mắc về", "Báo cáo kết quả thực hiện",
    "Đề xuất giải pháp nâng cao hiệu quả"};

inline constexpr std::array<std::string_view, 10> kQualifiers{
    "trên địa bàn tỉnh", "bảo đảm đúng quy định của pháp luật", "theo chỉ đạo của Chủ tịch UBND tỉnh",
    "gắn trách nhiệm của người đứng đầu", "kịp thời, hiệu quả, không để chậm trễ", "tại các xã vùng sâu, vùng xa",
    "theo đúng kế hoạch đã được phê duyệt", "công khai, minh bạch", "trong phạm vi quản lý được giao",
    "bảo đảm tiến độ, chất lượng"};

// Communes and wards of Cao Bằng (the synthetic registry's "UBND các xã, phường").
inline constexpr std::array<std::string_view, 56> kCommunes{
    "Thục Phán", "Nùng Trí Cao", "Tân Giang", "Bảo Lạc", "Cốc Pàng", "Cô Ba", "Khánh Xuân", "Xuân Trường",
    "Huy Giáp", "Bảo Lâm", "Lý Bôn", "Nam Quang", "Quảng Lâm", "Yên Thổ", "Sơn Lộ", "Hưng Đạo", "Thông Nông",
    "Cần Yên", "Thanh Long", "Trường Hà", "Lũng Nặm", "Tổng Cọt", "Hà Quảng", "Trà Lĩnh", "Quang Hán",
    "Quang Trung", "Trùng Khánh", "Đình Phong", "Đàm Thủy", "Đoài Dương", "Lý Quốc", "Quang Long", "Vinh Quý",
    "Hạ Lang", "Quảng Uyên", "Phục Hòa", "Hạnh Phúc", "Tà Lùng", "Độc Lập", "Bế Văn Đàn", "Hòa An",
    "Nam Tuấn", "Nguyễn Huệ", "Bạch Đằng", "Canh Tân", "Kim Đồng", "Minh Khai", "Đức Long", "Thạch An",
    "Nguyên Bình", "Tĩnh Túc", "Ca Thành", "Minh Tâm", "Phan Thanh", "Tam Kim", "Thành Công"};

inline constexpr std::array<std::string_view, 16> kSurnames{
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Nông", "Bế", "Đàm", "Lục", "Hà", "Triệu", "Lương", "Vi", "Hứa",
    "Đinh", "Lãnh"};
inline constexpr std::array<std::string_view, 10> kMiddleNames{
    "Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Xuân", "Quốc", "Thanh", "Ngọc"};
inline constexpr std::array<std::string_view, 24> kGivenNames{
    "Anh", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Ngọc", "Phong", "Quân", "Sơn", "Thảo", "Trang", "Tuấn"};

inline constexpr std::array<std::string_view, 8> kProjectKinds{
    "Đường giao thông liên xã", "Kè chống sạt lở bờ sông Bằng đoạn qua", "Trường Phổ thông dân tộc bán trú",
    "Trạm y tế xã", "Hệ thống thủy lợi", "Chợ trung tâm", "Cấp nước sinh hoạt tập trung", "Nhà văn hóa xóm"};

inline constexpr std::array<std::string_view, 6> kEvidenceKinds{"KH", "BC", "CV", "QĐ", "TB", "BB"};

}  // namespace dt::bench
