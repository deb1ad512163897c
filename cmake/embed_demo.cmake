# Writes OUT: a C++ file holding each file of FILES as a string literal, in order.
set(body "#include \"crosswalk/demo/demo.h\"\n\nnamespace crosswalk {\n\nconst std::vector<std::string_view>& demoMapTexts()\n{\n    static const std::vector<std::string_view> texts = {\n")
foreach(f IN LISTS FILES)
  file(READ ${f} content)
  string(APPEND body "        std::string_view(R\"cwdemo(${content})cwdemo\"),\n")
endforeach()
string(APPEND body "    };\n    return texts;\n}\n\n} // namespace crosswalk\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
