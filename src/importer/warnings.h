#pragma once
// Warnings for the user, each once, and not so many that the first ones are buried (a hostile
// text can provoke thousands).
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/messages.h"

namespace dt::importer::detail {

class Warnings {
public:
    static constexpr std::size_t kMax = 200;

    void add(Msg code, std::vector<MsgArg> args) {
        if (list_.size() >= kMax) {
            ++left_out_;
            return;
        }
        Notice notice{code, std::move(args)};
        if (seen_.insert(notice.english()).second) list_.push_back(std::move(notice));
    }

    void add_all(const Warnings& other) {
        for (const auto& w : other.list_) add(w.code, w.args);
        left_out_ += other.left_out_;
    }

    std::vector<Notice> take() {
        if (left_out_ > 0) list_.push_back({Msg::ImportWarningsLeftOut, {MsgArg::grouped(static_cast<long long>(left_out_))}});
        left_out_ = 0;
        return std::move(list_);
    }

private:
    std::vector<Notice> list_;
    std::unordered_set<std::string> seen_;
    std::size_t left_out_ = 0;
};

}  // namespace dt::importer::detail
