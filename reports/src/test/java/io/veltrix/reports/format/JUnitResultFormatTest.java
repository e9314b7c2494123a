package io.veltrix.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.reports.Fixtures;
import io.veltrix.reports.GoldenReport;
import io.veltrix.reports.slo.SloEvaluator;
import io.veltrix.reports.slo.SloReport;
import io.veltrix.scenarios.parse.SloParser;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitResultFormatTest {

    private static void validate(String xml) throws Exception {
        URL xsd = JUnitResultFormatTest.class.getResource("/surefire-test-report-3.0.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void shouldBeValidAgainstTheSurefireSchema() throws Exception {
        validate(new JUnitResultFormat().render(GoldenReport.build()));
    }

    @Test
    void shouldHaveOneTestCasePerSloPerStrategyWithTheMeasuredValueInItsFailure() throws Exception {
        Document doc = parse(new JUnitResultFormat().render(GoldenReport.build()));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("veltrix.checkout");
        assertThat(suite.getAttribute("time")).isEqualTo("50");
        // 7 SLOs; 2 of them for both strategies.
        assertThat(suite.getAttribute("tests")).isEqualTo("9");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("errors")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(9);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + " | " + c.getAttribute("name"));
        }
        assertThat(names)
                .contains(
                        "veltrix.checkout.naive | throughput >= 4900/s",
                        "veltrix.checkout.tiered | throughput >= 4900/s",
                        "veltrix.checkout.dynamic | max < 1s strategy=dynamic");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("SloFailed");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("throughput of all events was 3,883/s; must be >= 4,900/s");
        assertThat(failure.getTextContent()).contains("measured: 3,883/s", "threshold: >= 4,900/s");
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("SloNoData");
        assertThat(doc.getElementsByTagName("property").getLength()).isGreaterThan(5);
    }

    @Test
    void shouldEscapeWhatXmlCannotHoldAsIs() throws Exception {
        SloReport slo = new SloEvaluator()
                .evaluate(List.of(SloParser.parse("p50<1us")), Fixtures.results(List.of(Fixtures.naive())), Map.of());
        String xml = new JUnitResultFormat().render(RunReport.of(Fixtures.results(List.of(Fixtures.naive())), slo));
        validate(xml);
        assertThat(xml).contains("name=\"p50&lt;1us\"");
        assertThat(JUnitResultFormat.escape("a\u0001b&\"\n", true)).isEqualTo("a\uFFFDb&amp;&quot;&#10;");
        assertThat(((Element) parse(xml).getElementsByTagName("testcase").item(0)).getAttribute("name"))
                .isEqualTo("p50<1us");
    }

    @Test
    void shouldWriteAnEmptySuiteWithoutSlos() throws Exception {
        String xml = new JUnitResultFormat().render(RunReport.of(Fixtures.checkout(), SloReport.EMPTY));
        validate(xml);
        assertThat(parse(xml).getDocumentElement().getAttribute("tests")).isEqualTo("0");
    }
}
