#include "app/storage_advice.h"

#include "store/backups.h"

namespace dt::app {

namespace fs = std::filesystem;

std::string shell_word(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

namespace {
bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal();
}

std::string restore_advice(const fs::path& db, Lang lang) {
    const std::string command = "dtrack --db " + shell_word(db.string()) + " restore ";
    if (const auto backup = store::newest_usable_backup(db))
        return phrase(Msg::AdviceRestoreNewest, {command + shell_word(backup->string())}, lang, Audience::Cli);
    return phrase(Msg::AdviceNoBackup, {shell_word(store::backup_folder(db).string()), command + "FILE"}, lang, Audience::Cli);
}
}  // namespace

std::string storage_sentence(const store::StorageError& error, const fs::path& database, Lang lang) {
    using store::Fault;
    std::string what = error.say(lang, Audience::Cli);
    // Both already say what to do.
    if (error.fault() == Fault::Newer || error.fault() == Fault::Unreachable) return what;
    if (what.ends_with(".")) what.pop_back();
    const fs::path& file = error.database();
    const bool ours = same_file(file, database);
    auto advise = [lang](Msg code, std::vector<MsgArg> args = {}) { return phrase(code, args, lang, Audience::Cli); };
    std::string advice;
    switch (error.fault()) {
    case Fault::Missing:
        if (!ours) advice = advise(Msg::AdviceGiveExisting);
        else if (const auto backup = store::newest_usable_backup(file))
            advice = advise(Msg::AdviceInitOrRestore,
                         {"dtrack --db " + shell_word(file.string()) + " restore " + shell_word(backup->string())});
        else advice = advise(Msg::AdviceInit);
        break;
    case Fault::Empty:
    case Fault::NotDatabase:
    case Fault::Damaged: advice = ours ? restore_advice(file, lang) : advise(Msg::AdviceChooseAnother); break;
    case Fault::Foreign:
        advice = ours ? advise(Msg::AdviceCheckDb, {restore_advice(file, lang)}) : advise(Msg::AdviceChooseAnother);
        break;
    case Fault::Newer:
    case Fault::Unreachable: break;
    case Fault::ReadOnlyFile:
        // The store's sentence ends with kLeftBehind when a side file is the one left read-only.
        if (error.code() == Msg::StoreSideFileReadOnly || std::string(error.what()).ends_with(store::kLeftBehind)) {
            advice = advise(Msg::AdviceLeftBehind);
            break;
        }
        advice = advise(Msg::AdviceReadOnlyFile);
        break;
    case Fault::ReadOnlyFolder: advice = advise(Msg::AdviceReadOnlyFolder); break;
    case Fault::DiskFull: advice = advise(Msg::AdviceDiskFull); break;
    case Fault::Locked: advice = advise(Msg::AdviceLocked); break;
    case Fault::Io:
        advice = ours ? advise(Msg::AdviceIoCheck, {"dtrack --db " + shell_word(file.string()) + " check"}) : advise(Msg::AdviceIo);
        break;
    }
    return what + ": " + advice + ".";
}

}  // namespace dt::app
