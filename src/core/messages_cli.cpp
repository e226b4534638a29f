// The catalog (core/messages.h): what dtrack alone says (its options, its commands, its files).
#include "core/messages_table.h"

namespace dt {

namespace {
constexpr MsgText kTexts[] = {
    {Msg::Plain, "{1}", "{1}", nullptr, nullptr},
};
}  // namespace

std::span<const MsgText> texts_cli() { return std::span(kTexts).subspan(1); }

}  // namespace dt
