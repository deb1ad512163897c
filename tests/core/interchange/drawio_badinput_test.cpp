// Hostile and damaged draw.io files are refused with a message naming the problem: entity
// declarations (bombs and external entities), pages that inflate past the limit, damaged
// base64 or deflate data, text that is not draw.io XML.

#include "crosswalk/interchange/drawio.h"

#include "support/interchangetest.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

const std::string kModel =
    R"(<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>)"
    R"(<mxCell id="a" value="&lol9;" style="rounded=1;" vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry"/></mxCell>)"
    R"(</root></mxGraphModel>)";

std::string billionLaughs()
{
    std::string dtd = "<!DOCTYPE mxfile [<!ENTITY lol \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k)
            dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        dtd += "\">";
    }
    return dtd + "]>";
}

} // namespace

TEST_CASE("draw.io bad input: entity declarations are refused, never expanded", "[interchange][drawio][safety]")
{
    const std::string bomb = "<?xml version=\"1.0\"?>" + billionLaughs() + test::mxfile({{"Page-1", kModel}});
    const std::string message = test::refusal([&] { importDrawio(bomb); });
    CHECK(message.find("DOCTYPE") != std::string::npos);

    const std::string external =
        "<?xml version=\"1.0\"?><!DOCTYPE mxfile [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
        test::mxfile({{"Page-1", kModel}});
    CHECK(test::refusal([&] { importDrawio(external); }).find("DOCTYPE") != std::string::npos);

    // The same inside a compressed page: refused, naming the page.
    const std::string inner = billionLaughs() + kModel;
    const std::string hidden = test::mxfile({{"Sneaky", test::compressPage(inner)}});
    const std::string innerMessage = test::refusal([&] { importDrawio(hidden); });
    CHECK(innerMessage.find("page \"Sneaky\"") != std::string::npos);
    CHECK(innerMessage.find("DOCTYPE") != std::string::npos);

    // Without a DOCTYPE an undeclared entity is just text: nothing to expand.
    const InterchangeResult plain = importDrawio(test::mxfile({{"Page-1", kModel}}));
    CHECK(plain.maps.at(0).steps.at(0).label == "&lol9;");
}

TEST_CASE("draw.io bad input: a page that inflates past the limit is refused", "[interchange][drawio][safety]")
{
    // 60 MB of spaces deflate to a few hundred KB: a small file, a big page.
    const std::string huge(60u * 1024u * 1024u, ' ');
    const std::string file = test::mxfile({{"Bomb", test::base64(test::rawDeflate(huge))}});
    REQUIRE(file.size() < 1024u * 1024u);
    const std::string message = test::refusal([&] { importDrawio(file); });
    CHECK(message.find("page \"Bomb\"") != std::string::npos);
    CHECK(message.find("50 MB") != std::string::npos);

    // The limit holds for the file as a whole, not page by page.
    const std::string half = "<mxGraphModel><root/>" + std::string(30u * 1024u * 1024u, ' ') + "</mxGraphModel>";
    const std::string page = test::base64(test::rawDeflate(half));
    const std::string two = test::mxfile({{"One", page}, {"Two", page}});
    const std::string twoMessage = test::refusal([&] { importDrawio(two); });
    CHECK(twoMessage.find("page \"Two\"") != std::string::npos);
    CHECK(twoMessage.find("50 MB") != std::string::npos);
}

TEST_CASE("draw.io bad input: damaged compressed pages are refused with the reason", "[interchange][drawio][safety]")
{
    const std::string good = test::compressPage(kModel);
    CHECK(test::refusal([&] {
              importDrawio(test::mxfile({{"P", "not base64 at all!"}}));
          }).find("not valid base64") != std::string::npos);
    // Base64 of bytes that are not deflate data.
    CHECK(test::refusal([&] {
              importDrawio(test::mxfile({{"P", test::base64("\xff\xfe\xfd garbage")}}));
          }).find("damaged") != std::string::npos);
    // Cut in half: the deflate stream ends early.
    const std::string cut = test::base64(test::rawDeflate(test::urlEncode(kModel)).substr(0, 40));
    const std::string cutMessage = test::refusal([&] { importDrawio(test::mxfile({{"P", cut}})); });
    CHECK((cutMessage.find("cut short") != std::string::npos || cutMessage.find("damaged") != std::string::npos));
    // Inflates to text that is neither XML nor URL-encoded XML.
    CHECK(test::refusal([&] {
              importDrawio(test::mxfile({{"P", test::base64(test::rawDeflate("%zz%"))}}));
          }).find("URL-encoded") != std::string::npos);
    CHECK(test::refusal([&] {
              importDrawio(test::mxfile({{"P", test::base64(test::rawDeflate("%3Cfoo%2F%3E"))}}));
          }).find("no <mxGraphModel>") != std::string::npos);
    (void)good;
}

TEST_CASE("draw.io bad input: text that is not a draw.io file", "[interchange][drawio][safety]")
{
    CHECK(test::refusal([] { importDrawio(""); }).find("empty") != std::string::npos);
    CHECK(test::refusal([] { importDrawio("<mxfile><diagram>"); }).find("not well-formed XML") != std::string::npos);
    CHECK(test::refusal([] { importDrawio("<svg/>"); }).find("not a draw.io file") != std::string::npos);
    CHECK(test::refusal([] { importDrawio("<mxfile/>"); }).find("no pages") != std::string::npos);
    CHECK(test::refusal([] { importDrawio("{\"format\": \"crosswalk-map\"}"); }).find("not well-formed XML") !=
          std::string::npos);
}
