#include "report/labels.h"

#include <cstdio>

namespace dt::report {

const char* status_vi(Status s) {
    switch (s) {
    case Status::NotStarted: return "Chưa thực hiện";
    case Status::InProgress: return "Đang thực hiện";
    case Status::Done: return "Hoàn thành";
    case Status::Blocked: return "Vướng mắc";
    }
    return "";
}

const char* bucket_vi(Bucket b) {
    switch (b) {
    case Bucket::DoneOnTime: return "Hoàn thành đúng hạn";
    case Bucket::DoneLate: return "Hoàn thành quá hạn";
    case Bucket::OpenOnTime: return "Chưa hoàn thành, trong hạn";
    case Bucket::OpenOverdue: return "Chưa hoàn thành, quá hạn";
    case Bucket::NoDeadline: return "Không giao thời hạn";
    }
    return "";
}

const char* role_vi(AssignmentRole r) { return r == AssignmentRole::Lead ? "Chủ trì" : "Phối hợp"; }

std::string date_vi(const std::optional<Date>& d) { return d ? d->vn() : std::string(); }

std::string evidence_vi(const std::optional<Evidence>& e) {
    if (!e) return {};
    std::string out = e->doc_ref;
    if (e->doc_date) out += (out.empty() ? "Ngày " : " ngày ") + e->doc_date->vn();
    if (!e->note.empty()) out += (out.empty() ? "" : ": ") + e->note;
    return out;
}

std::string percent_vi(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
    std::string s = buf;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s + " %";
}

}  // namespace dt::report
