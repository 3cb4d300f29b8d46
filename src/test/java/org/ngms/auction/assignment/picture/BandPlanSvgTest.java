package org.ngms.auction.assignment.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.ngms.auction.assignment.picture.Segment.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BandPlanSvgTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    /** The 2600 MHz band as a picture: a guard band, three holders, a vacancy, a fixed block, a gap, unsold. */
    private static BandPlanPicture band2600(String title) {
        return new BandPlanPicture(title, 2_496_000, 2_690_000, List.of(
                new Segment(2_496_000, 2_500_500, "", Kind.GUARD),
                new Segment(2_500_500, 2_530_000, "Jazz", Kind.HOLDER),
                new Segment(2_530_000, 2_550_000, "Zong", Kind.HOLDER),
                new Segment(2_550_000, 2_560_000, "", Kind.VACANT),
                new Segment(2_580_000, 2_600_000, "railway", Kind.FIXED),
                new Segment(2_600_000, 2_640_000, "Ufone", Kind.HOLDER),
                new Segment(2_650_000, 2_690_000, "", Kind.UNSOLD)));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The segment rectangles: those with a tooltip, in document order. */
    private static List<Element> segmentRects(Document document) {
        List<Element> rects = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS(SVG, "rect");
        for (int i = 0; i < all.getLength(); i++) {
            Element rect = (Element) all.item(i);
            if (rect.getElementsByTagNameNS(SVG, "title").getLength() == 1) {
                rects.add(rect);
            }
        }
        return rects;
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void theSvgParsesAsXmlAndIsAnImageWithATitleAndADescription() throws Exception {
        Document document = parse(BandPlanSvg.render(band2600("2600 MHz, Pakistan")));
        Element svg = document.getDocumentElement();
        assertThat(svg.getNamespaceURI()).isEqualTo(SVG);
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 1000 135");
        assertThat(svg.getAttribute("aria-labelledby")).isEqualTo("bp-title bp-desc");
        Element title = (Element) svg.getElementsByTagNameNS(SVG, "title").item(0);
        assertThat(title.getParentNode()).isSameAs(svg);
        assertThat(title.getTextContent()).isEqualTo("2600 MHz, Pakistan");
        assertThat(svg.getElementsByTagNameNS(SVG, "desc").item(0).getTextContent()).isEqualTo(
                "2600 MHz, Pakistan, 2496–2690 MHz: guard band 2496–2500.5 MHz; Jazz 2500.5–2530 MHz;"
                        + " Zong 2530–2550 MHz; vacant 2550–2560 MHz; railway 2580–2600 MHz; Ufone 2600–2640 MHz;"
                        + " unsold 2650–2690 MHz.");
    }

    @Test
    void eachSegmentIsARectangleWithATooltipOfItsLabelAndRangeInMhz() throws Exception {
        List<String> tooltips = segmentRects(parse(BandPlanSvg.render(band2600("2600"))))
                .stream()
                .map(rect -> rect.getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .toList();
        assertThat(tooltips).containsExactly("guard band: 2496–2500.5 MHz", "Jazz: 2500.5–2530 MHz",
                "Zong: 2530–2550 MHz", "vacant: 2550–2560 MHz", "railway: 2580–2600 MHz", "Ufone: 2600–2640 MHz",
                "unsold: 2650–2690 MHz");
    }

    @Test
    void theSamePictureGivesTheSameBytes() {
        String first = BandPlanSvg.render(band2600("2600"));
        assertThat(BandPlanSvg.render(band2600("2600"))).isEqualTo(first);
        assertThat(BandPlanSvg.beforeAfter(band2600("2600"), band2600("2600")))
                .isEqualTo(BandPlanSvg.beforeAfter(band2600("2600"), band2600("2600")));
    }

    @Test
    void hostileLabelsAndTitlesAreEscapedAndReadBackAsWritten() throws Exception {
        String hostile = "<script>alert(\"x\")</script> & 'y'";
        BandPlanPicture picture = new BandPlanPicture(hostile, 0, 10_000,
                List.of(new Segment(0, 10_000, hostile, Kind.HOLDER)));
        String svg = BandPlanSvg.render(picture);
        assertThat(svg).doesNotContain("<script", "\"x\"", "& '")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;");
        Document document = parse(svg);
        assertThat(document.getElementsByTagNameNS(SVG, "script").getLength()).isZero();
        assertThat(segmentRects(document).get(0).getTextContent()).isEqualTo(hostile + ": 0–10 MHz");
        assertThat(texts(document)).contains(hostile);
    }

    @Test
    void segmentWidthsAndPlacesAreProportionalToKhz() throws Exception {
        BandPlanPicture picture = band2600("2600");
        List<Element> rects = segmentRects(parse(BandPlanSvg.render(picture)));
        long span = picture.highKhz() - picture.lowKhz();
        for (int i = 0; i < rects.size(); i++) {
            Segment segment = picture.segments().get(i);
            BigDecimal x = new BigDecimal(rects.get(i).getAttribute("x"));
            BigDecimal width = new BigDecimal(rects.get(i).getAttribute("width"));
            BigDecimal expectedX = BigDecimal.valueOf(40 + 920.0 * (segment.lowKhz() - picture.lowKhz()) / span);
            BigDecimal expectedWidth = BigDecimal.valueOf(920.0 * (segment.highKhz() - segment.lowKhz()) / span);
            assertThat(x.subtract(expectedX).abs()).as("x of %s", segment)
                    .isLessThanOrEqualTo(new BigDecimal("0.001"));
            assertThat(width.subtract(expectedWidth).abs()).as("width of %s", segment)
                    .isLessThanOrEqualTo(new BigDecimal("0.002"));
        }
        Element jazz = rects.get(1);
        Element zong = rects.get(2);
        BigDecimal jazzEnd = new BigDecimal(jazz.getAttribute("x")).add(new BigDecimal(jazz.getAttribute("width")));
        assertThat(jazzEnd).as("adjacent segments meet exactly").isEqualByComparingTo(zong.getAttribute("x"));
    }

    @Test
    void axisTicksStandAtSegmentEdgesInMhzToTheKhz() throws Exception {
        assertThat(BandPlanSvg.mhz(2_496_000)).isEqualTo("2496");
        assertThat(BandPlanSvg.mhz(2_500_500)).isEqualTo("2500.5");
        assertThat(BandPlanSvg.mhz(2_500_250)).isEqualTo("2500.25");
        assertThat(BandPlanSvg.mhz(700_001)).isEqualTo("700.001");
        assertThat(BandPlanSvg.mhz(0)).isEqualTo("0");
        BandPlanPicture wide = new BandPlanPicture("2500", 2_496_000, 2_506_000, List.of(
                new Segment(2_496_000, 2_500_500, "Jazz", Kind.HOLDER),
                new Segment(2_500_500, 2_506_000, "Zong", Kind.HOLDER)));
        assertThat(texts(parse(BandPlanSvg.render(wide)))).contains("2496", "2500.5", "2506");
    }

    @Test
    void aLabelIsWrittenOnItsSegmentOnlyWhenItFits() throws Exception {
        BandPlanPicture picture = new BandPlanPicture("700", 703_000, 803_000, List.of(
                new Segment(703_000, 704_000, "Telenor", Kind.HOLDER),
                new Segment(704_000, 803_000, "Telenor Pakistan", Kind.HOLDER)));
        Document document = parse(BandPlanSvg.render(picture));
        assertThat(texts(document)).contains("Telenor Pakistan").doesNotContain("Telenor");
        assertThat(segmentRects(document)).hasSize(2);
    }

    @Test
    void holdersGetDistinctPaletteColoursWhileThePaletteLastsAndTheSameInBothRows() throws Exception {
        List<Segment> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(new Segment(i * 1_000L, (i + 1) * 1_000L, "operator " + i, Kind.HOLDER));
        }
        BandPlanPicture before = new BandPlanPicture("x", 0, 9_000, nine);
        Set<String> fills = new HashSet<>();
        segmentRects(parse(BandPlanSvg.render(before))).forEach(rect -> fills.add(rect.getAttribute("fill")));
        assertThat(fills).hasSize(9).allMatch(fill -> fill.matches("#[0-9A-F]{6}"));

        List<Segment> reversed = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            reversed.add(new Segment(i * 1_000L, (i + 1) * 1_000L, "operator " + (8 - i), Kind.HOLDER));
        }
        List<Element> rects = segmentRects(parse(BandPlanSvg.beforeAfter(before,
                new BandPlanPicture("x", 0, 9_000, reversed))));
        for (int i = 0; i < 9; i++) {
            assertThat(rects.get(9 + i).getAttribute("fill")).as("operator %d", 8 - i)
                    .isEqualTo(rects.get(8 - i).getAttribute("fill"));
        }
    }

    @Test
    void theKindsOtherThanHoldersAreGreyOrGreyPatterns() throws Exception {
        List<String> fills = segmentRects(parse(BandPlanSvg.render(band2600("2600")))).stream()
                .map(rect -> rect.getAttribute("fill"))
                .toList();
        assertThat(fills.get(0)).isEqualTo("url(#bp-guard)");
        assertThat(fills.get(3)).isEqualTo("#E8E8E8");
        assertThat(fills.get(4)).isEqualTo("url(#bp-fixed)");
        assertThat(fills.get(6)).isEqualTo("url(#bp-unsold)");
    }

    @Test
    void beforeAndAfterAreTwoRowsHeadedBeforeAndAfterOnOneScale() throws Exception {
        BandPlanPicture after = new BandPlanPicture("2600", 2_496_000, 2_690_000, List.of(
                new Segment(2_496_000, 2_500_500, "", Kind.GUARD),
                new Segment(2_500_500, 2_520_500, "Zong", Kind.HOLDER),
                new Segment(2_520_500, 2_550_000, "Jazz", Kind.HOLDER)));
        Document document = parse(BandPlanSvg.beforeAfter(band2600("2600"), after));
        assertThat(document.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1000 260");
        assertThat(texts(document)).contains("Before: 2600", "After: 2600");
        assertThat(document.getDocumentElement().getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .isEqualTo("2600: before and after");
        List<Element> rects = segmentRects(document);
        assertThat(rects.get(7).getAttribute("x")).isEqualTo(rects.get(0).getAttribute("x"));
        assertThat(rects.get(8).getAttribute("x")).isEqualTo(rects.get(1).getAttribute("x"));
        assertThat(rects.get(9).getAttribute("fill")).isEqualTo(rects.get(1).getAttribute("fill"));
        assertThat(rects.get(8).getAttribute("fill")).isEqualTo(rects.get(2).getAttribute("fill"));
    }

    @Test
    void aPictureWithoutSegmentsSaysNothingIsAssigned() throws Exception {
        Document document = parse(BandPlanSvg.render(new BandPlanPicture("3500", 3_400_000, 3_600_000, List.of())));
        assertThat(document.getElementsByTagNameNS(SVG, "desc").item(0).getTextContent())
                .isEqualTo("3500, 3400–3600 MHz: nothing assigned.");
        assertThat(texts(document)).contains("3400", "3600");
    }
}
