#include "app/cli_words.h"

#include <cstdlib>
#include <string_view>

namespace dt::cli {

namespace {
Lang g_lang = Lang::En;
}

void set_lang(std::optional<std::string> flag) {
    if (flag) {
        g_lang = *flag == "vi" ? Lang::Vi : Lang::En;
        return;
    }
    // LC_ALL overrides both, as the C library reads them.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) {
            g_lang = std::string_view(value).starts_with("vi") ? Lang::Vi : Lang::En;
            return;
        }
    }
    g_lang = Lang::En;
}

Lang lang() { return g_lang; }
NumberStyle numbers() { return g_lang == Lang::Vi ? NumberStyle::Vi : NumberStyle::En; }
const char* say(const char* vi, const char* en) { return g_lang == Lang::Vi ? vi : en; }
std::string say(Msg code, std::vector<MsgArg> args) { return phrase(code, args, g_lang, Audience::Cli); }

std::vector<std::string> said(const std::vector<Notice>& notices) {
    std::vector<std::string> out;
    out.reserve(notices.size());
    for (const auto& n : notices) out.push_back(n.say(g_lang, Audience::Cli));
    return out;
}
std::string count(long long n) { return format_integer(n, numbers()); }

// The domain's words are core's (core/messages.h): the GUI and the reports say the same.
const char* word(Status s) { return label(s, g_lang); }
const char* word(Bucket b) { return label(b, g_lang); }
const char* word(AssignmentRole r) { return label(r, g_lang); }
const char* word(UserRole r) { return label(r, g_lang); }
const char* word(store::ExtensionStatus s) {
    return label(s == store::ExtensionStatus::Pending    ? Msg::WordPending
                 : s == store::ExtensionStatus::Approved ? Msg::WordApproved
                                                         : Msg::WordRefused,
                 g_lang);
}
const char* word(service::ReminderKind k) {
    switch (k) {
    case service::ReminderKind::Overdue: return label(Msg::WordRemindOverdue, g_lang);
    case service::ReminderKind::DueSoon: return label(Msg::WordRemindDueSoon, g_lang);
    case service::ReminderKind::SentBack: return label(Msg::WordRemindSentBack, g_lang);
    case service::ReminderKind::ExtensionDecided: return label(Msg::WordRemindExtension, g_lang);
    }
    return "";
}
const char* agency_kind(const std::string& kind) { return agency_kind_label(kind, g_lang); }
MsgArg in_sentence(Status s) { return MsgArg::of(s); }

}  // namespace dt::cli
