// The most common passwords of eight characters or more (the shorter ones are refused by
// length anyway): the heads of the public lists of leaked passwords (SecLists' top lists,
// NordPass's yearly lists), and the obvious ones of this office and province. Compared
// case-insensitively. Compiled in, so a copied program refuses them too.
#include <algorithm>
#include <string>
#include <string_view>

#include "service/passwords.h"

namespace dt::service {

namespace {
constexpr std::string_view kCommon[] = {
    "12345678", "123456789", "1234567890", "12345678910", "11111111", "00000000", "88888888", "66666666",
    "99999999", "22222222", "55555555", "77777777", "12341234", "11223344", "12121212", "11112222",
    "87654321", "987654321", "147258369", "123123123", "123456789a", "a12345678", "1q2w3e4r", "1q2w3e4r5t",
    "1qaz2wsx", "1qazxsw2", "zaq12wsx", "qwertyui", "qwertyuiop", "qwerty123", "qwerty12", "asdfghjk",
    "asdfghjkl", "zxcvbnm1", "zxcvbnm123", "abcd1234", "abc12345", "abcdefgh", "aaaaaaaa", "password",
    "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "iloveyou", "iloveyou1",
    "sunshine", "princess", "football", "baseball", "superman", "starwars", "whatever", "trustno1",
    "welcome1", "welcome123", "letmein1", "computer", "michelle", "jennifer", "1234qwer", "qwer1234",
    "admin123", "admin1234", "administrator", "administrator1", "changeme", "default1", "master12",
    "secret123", "internet", "samsung1", "google123", "q1w2e3r4", "q1w2e3r4t5", "1a2b3c4d", "a1b2c3d4",
    "matkhau1", "matkhau123", "matkhau@123", "mật khẩu", "mậtkhẩu1", "matkhaumoi", "123456aa", "123456ab",
    "anhyeuem", "emyeuanh", "yeuemmaimai", "vietnam1", "vietnam123", "vietnam@123", "caobang1", "caobang123",
    "caobang@123", "ubndcaobang", "ubnd1234", "ubnd@123", "vanphong", "vanphong1", "vanphong123",
    "chithi07", "quantri123", "quantri1", "hanoi123", "saigon123", "taikhoan1", "taikhoan123",
    "dangnhap1", "dangnhap123", "trustno12"};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : char(c); });
    return out;
}
}  // namespace

bool is_common_password(std::string_view password) {
    const auto lowered = lower_ascii(password);
    return std::find(std::begin(kCommon), std::end(kCommon), lowered) != std::end(kCommon);
}

}  // namespace dt::service
