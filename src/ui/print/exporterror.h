#pragma once

#include <stdexcept>

namespace crosswalk {

/// An export that cannot be made as asked (a PNG too large to hold, a PDF the painter could
/// not start); what() says what to change. File errors come as FileError.
class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace crosswalk
