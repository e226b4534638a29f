#pragma once
// The English word list the message walk (core/messages_test.cpp) and dtrack's output in
// Vietnamese (cli/lang_output_test.cpp) are both checked against.
#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace dt::test {

// Words that give away an English sentence. Not "in", "do", "an", "to", "long"…: Vietnamese words
// too (and place names: Thanh Long, Quang Long).
inline const std::set<std::string> kEnglish = {
    "the",     "cannot",   "must",     "not",     "add",      "first",     "file",      "database", "is",
    "are",     "was",      "with",     "please",  "give",     "use",       "has",       "have",     "only",
    "already", "there",    "this",     "that",    "which",    "would",     "should",    "from",     "into",
    "unknown", "invalid",  "empty",    "error",   "line",     "folder",    "password",  "user",     "agency",
    "evidence", "deadline", "report",  "directive", "extension", "project", "investor", "between", "after",
    "before",  "read",     "write",    "open",    "found",    "expected",  "choose",    "another",  "again",
    "and",     "or",       "of",       "for",     "on",       "at",        "by",        "it",       "be",
    "no",      "sign",     "restore",  "backup",  "disk",     "space",     "full",      "damaged",  "locked",
    "program", "command",  "setting",  "session", "template", "sheet",     "spreadsheet", "assignment",
    "cannot",  "too",      "large",    "than",     "more",      "less",      "missing",  "exists",
    "done",    "pending",  "approved", "refused", "lead",     "administrator", "viewer", "blocked", "started",
    // what dtrack's human output says around its figures
    "status",  "progress", "due",      "title",   "role",     "overdue",   "reminder",  "reminders", "today",
    "days",    "section",  "sections", "task",    "tasks",    "rate",      "owner",     "reason",   "request",
    "requests", "plan",    "disbursed", "province", "milestone", "version", "added",    "recorded", "imported",
    "investors", "agencies", "assignments", "behind", "whole", "hours",    "inactive",  "until",    "coordinate",
    "wrote",   "healthy",  "lasts",    "now",     "time",
};
// The English words of `text`: its runs of ASCII letters, lower-cased, found in kEnglish.
inline std::vector<std::string> english_words(const std::string& text) {
    std::vector<std::string> found;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && kEnglish.count(word)) found.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // A letter with a diacritic belongs to a Vietnamese word: skip to the word's end.
        if (c >= 0x80) {
            word.clear();
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) >= 0x80 || std::isalpha(text[i + 1]))) ++i;
            continue;
        }
        if (std::isalpha(c)) word += static_cast<char>(std::tolower(c));
        else flush();
    }
    flush();
    return found;
}


}  // namespace dt::test
