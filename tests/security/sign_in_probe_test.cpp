// Issue 17, item 13: an unknown name, a wrong password and a locked account get the same words,
// and each costs one argon2id check (timings are shown, never asserted: the machine is shared).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "support.h"

using namespace dt;

namespace {
std::string refusal(test::Fixture& fx, const std::string& name, const std::string& password) {
    try {
        fx.service->sign_in(name, password);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Denied);
        return e.what();
    }
    FAIL("signed in");
    return {};
}
double median_ms(test::Fixture& fx, const std::string& name, const std::string& password) {
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        try {
            fx.service->sign_in(name, password);
        } catch (const Error&) {
        }
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[2];
}
}  // namespace

TEST_CASE("an unknown name, a wrong password and a locked account are refused in the same words") {
    test::Fixture fx;
    fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto unknown = refusal(fx, "không-có-ai", "mật khẩu nào đó");
    const auto wrong = refusal(fx, "stc", "mật khẩu sai 1");
    CHECK(unknown == wrong);
    for (int i = 0; i < 4; ++i) refusal(fx, "stc", "mật khẩu sai");
    REQUIRE(fx.store->find_user("stc")->locked_until.has_value());
    const auto locked = refusal(fx, "stc", "mật-khẩu-stc");
    CHECK(locked == unknown);
    CHECK(locked.find("stc") == std::string::npos);  // the name is not echoed as an account
    MESSAGE("median sign-in refusal: unknown name " << median_ms(fx, "không-có-ai", "x") << " ms, locked account "
                                                   << median_ms(fx, "stc", "x") << " ms, wrong password (admin) "
                                                   << median_ms(fx, "admin", "x") << " ms");
}
