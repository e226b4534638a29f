// dtrack says its errors in the chosen language (--lang, else LANG / LC_MESSAGES, else English),
// with the same exit code; the command to run is dtrack's own hint.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support.h"

using dt::test::run_dtrack;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

struct Db {
    dt::test::TempDir dir;
    std::string db;
    long long id = 0;
    Db() : db("--db '" + (dir / "tracker.db").string() + "' ") {
        const auto r = run_dtrack(db + "init --admin admin", kAdminEnv);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto rows = nlohmann::json::parse(run_dtrack(db + "--user admin list --json", kAdminEnv).out);
        REQUIRE_FALSE(rows.empty());
        id = rows[0]["id"].get<long long>();
    }
};
}  // namespace

TEST_CASE("a refusal in Vietnamese with --lang vi, in English with --lang en, the same exit code") {
    Db d;
    const std::string done = "--user admin update " + std::to_string(d.id) + " --status done";
    const auto vi = run_dtrack(d.db + "--lang vi " + done, kAdminEnv);
    CHECK(vi.exit_code == 2);
    CHECK(vi.err == "dtrack: Phân công " + std::to_string(d.id) +
                        " chưa thể đánh dấu hoàn thành khi chưa có minh chứng: hãy thêm minh chứng trước (evidence add).\n");
    const auto en = run_dtrack(d.db + "--lang en " + done, kAdminEnv);
    CHECK(en.exit_code == 2);
    CHECK(en.err == "dtrack: Assignment " + std::to_string(d.id) +
                        " cannot be marked done without evidence: add some first (evidence add).\n");
    // Without --lang: the environment's language, then English.
    const auto env_vi = run_dtrack(d.db + done, kAdminEnv + " LANG=vi_VN.UTF-8");
    CHECK(env_vi.exit_code == 2);
    CHECK(env_vi.err == vi.err);
    const auto env_c = run_dtrack(d.db + done, kAdminEnv);
    CHECK(env_c.err == en.err);
}

TEST_CASE("a denial and a validation of core in Vietnamese: the values in place, the exit codes kept") {
    Db d;
    auto r = run_dtrack(d.db + "--lang vi --user admin update " + std::to_string(d.id) + " --progress 140", kAdminEnv);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "dtrack: Tiến độ phải từ 0 đến 100 (đã nhập 140).\n");
    r = run_dtrack(d.db + "--lang vi --user admin update " + std::to_string(d.id) + " --due 31/02/2025", kAdminEnv);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "dtrack: Thời hạn '31/02/2025' không phải ngày hợp lệ (viết dd/mm/yyyy hoặc yyyy-mm-dd).\n");
    r = run_dtrack(d.db + "--lang vi --user nobody list", "DTRACK_PASSWORD='sai-mat-khau'");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("Sai tên người dùng hoặc mật khẩu") != std::string::npos);
}
