#include "report/labels.h"

#include <glib.h>

#include <cstdio>

#include "core/messages.h"
#include "core/money.h"
#include "core/numbers.h"
#include "report/pdf_layout.h"

namespace dt::report {

// The domain's words are core's (core/messages.h); a report is written in Vietnamese.
const char* status_vi(Status s) { return label(s, Lang::Vi); }
const char* bucket_vi(Bucket b) { return label(b, Lang::Vi); }
const char* role_vi(AssignmentRole r) { return label(r, Lang::Vi); }

std::string date_vi(const std::optional<Date>& d) { return d ? d->vn() : std::string(); }

std::string evidence_vi(const std::optional<Evidence>& e) {
    if (!e) return {};
    std::string out = e->doc_ref;
    if (e->doc_date) out += (out.empty() ? "Ngày " : " ngày ") + e->doc_date->vn();
    if (!e->note.empty()) out += (out.empty() ? "" : ": ") + e->note;
    return out;
}

// Numbers as Vietnamese writes them are core's (core/numbers.h), the GUI's and the CLI's too.
std::string percent_vi(double value) { return format_percent(value, NumberStyle::Vi); }
std::string decimal_vi(double value) { return format_decimal(value, 1, NumberStyle::Vi); }

// Whole đồng to million đồng, rounded: 46.209.000.000 → "46.209".
std::string millions(std::int64_t vnd) {
    const std::int64_t half = vnd < 0 ? -500'000 : 500'000;
    return group_thousands((vnd + half) / 1'000'000);
}

// "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" → "ỦY BAN NHÂN DÂN" / "TỈNH CAO BẰNG". A line break the admin
// typed is kept; other long names are broken at the space nearest the middle.
std::string issuing_lines(const std::string& name) {
    std::string up = pdf::upper_text(name);
    if (up.find('\n') != std::string::npos) return up;
    for (const char* head : {"ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN "}) {
        const std::string h = head;
        if (up.size() > h.size() && up.starts_with(h)) return h.substr(0, h.size() - 1) + "\n" + up.substr(h.size());
    }
    if (g_utf8_strlen(up.c_str(), -1) <= 28) return up;
    const auto from_middle = [&](std::size_t i) { return i > up.size() / 2 ? i - up.size() / 2 : up.size() / 2 - i; };
    std::size_t best = std::string::npos;
    for (std::size_t i = up.find(' '); i != std::string::npos; i = up.find(' ', i + 1))
        if (best == std::string::npos || from_middle(i) < from_middle(best)) best = i;
    if (best != std::string::npos) up[best] = '\n';
    return up;
}

// Lower-cases the first letter: "Về việc …" → "về việc …" inside a sentence.
std::string lower_first(const std::string& text) {
    const std::string clean = pdf::clean_text(text);
    if (clean.empty()) return clean;
    const gchar* next = g_utf8_next_char(clean.c_str());
    const std::size_t first = static_cast<std::size_t>(next - clean.c_str());
    gchar* low = g_utf8_strdown(clean.c_str(), static_cast<gssize>(first));
    std::string out = low + clean.substr(first);
    g_free(low);
    return out;
}

std::string status_text(const Share& s) {
    std::string out = status_vi(s.status);
    if (s.status == Status::Done && s.completed_on) out += " ngày " + s.completed_on->vn();
    if (s.bucket == Bucket::OpenOverdue || s.bucket == Bucket::DoneLate) out += " (quá hạn)";
    return out;
}

std::string agency_text(const Share& s) {
    return s.agency + (s.role == AssignmentRole::Coordinate ? " (phối hợp)" : "");
}

}  // namespace dt::report
