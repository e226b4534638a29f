// Issue 17, item 14: look-alike user names (case, Cyrillic or Greek letters) and blank or very
// common passwords are refused, and nothing is added.
#include <doctest/doctest.h>

#include "core/confusable.h"
#include "support.h"

using namespace dt;

TEST_CASE("name skeletons: case and confusable letters fold together, different names stay apart") {
    CHECK(name_skeleton("admin") == name_skeleton("Admin"));
    CHECK(name_skeleton("admin") == name_skeleton("\xD0\xB0" "dmin"));  // Cyrillic а
    CHECK(name_skeleton("admin") == name_skeleton("ADM\xCE\x99N"));     // Greek capital iota
    CHECK(name_skeleton("admin") != name_skeleton("admin2"));
    CHECK(name_skeleton("lan") != name_skeleton("lân"));  // a diacritic is a different Vietnamese name
}

TEST_CASE("user add refuses 'Admin' and a Cyrillic 'аdmin' beside 'admin', and blank or common passwords") {
    test::Fixture fx;
    const auto users = fx.service->users(fx.admin).size();
    const int journal = fx.store->journal_count();
    for (const std::string name : {"Admin", "ADMIN", "\xD0\xB0" "dmin", "\xD0\x90" "DMIN"}) {
        std::string message;
        try {
            fx.service->add_user(fx.admin, name, "một mật khẩu đủ dài", UserRole::Viewer, std::nullopt);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Invalid);
            message = e.what();
        }
        CHECK_MESSAGE(message.find("looks like the existing user 'admin'") != std::string::npos, name);
    }
    for (const std::string password : {"        ", "\t\t\t\t\t\t\t\t", "\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80", "password",
                                       "Password1", "12345678", "qwertyuiop", "matkhau123"})
        CHECK_MESSAGE(test::kind_of([&] { fx.service->add_user(fx.admin, "lan", password, UserRole::Viewer, std::nullopt); }) ==
                          ErrorKind::Invalid,
                      password);
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    CHECK(test::kind_of([&] { fx.service->reset_password(fx.admin, "stc", "        "); }) == ErrorKind::Invalid);
    CHECK(test::kind_of([&] { fx.service->reset_password(stc, "stc", "iloveyou", "mật-khẩu-stc"); }) == ErrorKind::Invalid);
    CHECK(fx.service->users(fx.admin).size() == users + 1);  // only stc was added
    CHECK(fx.store->journal_count() == journal + 1);
    // A distinct name with a decent password is fine.
    CHECK_NOTHROW(fx.service->add_user(fx.admin, "lân", "mây trắng bay qua đèo", UserRole::Viewer, std::nullopt));
}
