#include "report/model.h"

namespace dt::report {

std::string report_title(const Report& r) {
    return "BÁO CÁO\nTình hình thực hiện Chỉ thị số " + r.directive_code +
           (r.directive_issued_on ? " ngày " + r.directive_issued_on->vn() : "") +
           (r.directive_issuer.empty() ? "" : " của " + r.directive_issuer);
}

std::string report_subtitle(const Report& r) {
    std::string s = "(Số liệu tính đến ngày " + r.as_of.vn();
    if (r.changes) s += "; thay đổi từ ngày " + r.changes->since.vn();
    return s + ")";
}

std::string place_and_date(const Report& r) {
    const auto& d = r.settings.issued_on ? *r.settings.issued_on : r.generated_on;
    // Decree 30/2020: days below 10 and months below 3 are written with a leading zero.
    auto two = [](int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); };
    return r.settings.place + ", ngày " + two(d.day) + " tháng " + (d.month < 3 ? two(d.month) : std::to_string(d.month)) +
           " năm " + std::to_string(d.year);
}

}  // namespace dt::report
