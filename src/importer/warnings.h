#pragma once
// Warnings for the user, each once, and not so many that the first ones are buried (a hostile
// text can provoke thousands).
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace dt::importer::detail {

class Warnings {
public:
    static constexpr std::size_t kMax = 200;

    void add(std::string text) {
        if (list_.size() >= kMax) {
            ++left_out_;
            return;
        }
        if (seen_.insert(text).second) list_.push_back(std::move(text));
    }

    void add_all(const Warnings& other) {
        for (const auto& w : other.list_) add(w);
        left_out_ += other.left_out_;
    }

    std::vector<std::string> take() {
        if (left_out_ > 0) list_.push_back(std::to_string(left_out_) + " more warnings were left out.");
        left_out_ = 0;
        return std::move(list_);
    }

private:
    std::vector<std::string> list_;
    std::unordered_set<std::string> seen_;
    std::size_t left_out_ = 0;
};

}  // namespace dt::importer::detail
