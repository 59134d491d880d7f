package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.json.Json;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateReportRenderingTest {

    private static final String NASTY = "message with <tags> & \"quotes\" and ]]> and a control \u0001 char";

    private final GateResult size = new GateResult("image size", "31.2 MB", "<= 25MB", GateOutcome.FAILED,
        List.of("compressed size 31.2 MB exceeds 25MB"), List.of("layer 1: 20.1 MB RUN go build ./...", "layer 2: 9.8 MB COPY . ."));
    private final GateResult lint = new GateResult("lint", "2 findings (2 error)", "error <= 0", GateOutcome.UNSTABLE,
        List.of("severity error: 2 findings, at most 0 allowed"), List.of("a.go:1:1 [error] errcheck: " + NASTY));
    private final GateResult vet = new GateResult("vet", "0 findings", "total <= 0", GateOutcome.PASSED, List.of(), List.of());

    @Test
    void theOverallOutcomeIsTheWorstGate() {
        assertThat(new GateReport(List.of(vet)).outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(new GateReport(List.of(vet, lint)).outcome()).isEqualTo(GateOutcome.UNSTABLE);
        assertThat(new GateReport(List.of(lint, size, vet)).outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(new GateReport(List.of()).outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void onBreachParsesWhatUsersWrite() {
        assertThat(OnBreach.parse("Unstable")).isEqualTo(OnBreach.UNSTABLE);
        assertThat(OnBreach.parse("failure").outcome()).isEqualTo(GateOutcome.FAILED);
        assertThatThrownBy(() -> OnBreach.parse("ignore")).hasMessageContaining("write 'unstable' or 'fail'");
    }

    @Test
    void tableAlignsColumnsAndListsBreachesAndOffendersUnderTheirGate() {
        String table = GateReportTable.render(new GateReport(List.of(size, lint, vet)));
        List<String> lines = table.lines().toList();

        assertThat(lines.get(0)).startsWith("GATE").contains("MEASURED", "LIMIT", "OUTCOME");
        int outcomeColumn = lines.get(0).indexOf("OUTCOME");
        assertThat(lines).filteredOn(line -> !line.startsWith(" ") && !line.startsWith("Gates:")).hasSize(4)
            .allSatisfy(line -> assertThat(line.length()).isGreaterThan(outcomeColumn));
        assertThat(lines).filteredOn(line -> line.startsWith("image size")).singleElement()
            .satisfies(line -> assertThat(line.substring(outcomeColumn)).isEqualTo("FAILED"));
        int sizeRow = lines.indexOf(lines.stream().filter(line -> line.startsWith("image size")).findFirst().orElseThrow());
        assertThat(lines.get(sizeRow + 1)).contains("breached: compressed size 31.2 MB exceeds 25MB");
        assertThat(lines.get(sizeRow + 2)).contains("- layer 1: 20.1 MB RUN go build ./...");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Gates: failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonSummaryCarriesEveryGate() {
        Map<String, Object> json = Json.parseObject(GateReportJson.render(new GateReport(List.of(size, lint))));

        assertThat(json.get("outcome")).isEqualTo("failed");
        List<Map<String, Object>> gates = (List<Map<String, Object>>) json.get("gates");
        assertThat(gates).extracting(gate -> gate.get("name")).containsExactly("image size", "lint");
        assertThat(gates.get(1)).containsEntry("outcome", "unstable").containsEntry("limit", "error <= 0")
            .containsEntry("offenders", List.of("a.go:1:1 [error] errcheck: " + NASTY));
    }

    @Test
    void junitXmlIsValidWithOneTestcasePerGateAndFailuresForBreaches() throws Exception {
        String xml = GateReportJunitXml.render(new GateReport(List.of(size, lint, vet)));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = document.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("image size");
        assertThat(((Element) cases.item(2)).getElementsByTagName("failure").getLength()).as("a passed gate has no failure").isZero();

        Element sizeFailure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertThat(sizeFailure.getAttribute("type")).isEqualTo("FAILED");
        assertThat(sizeFailure.getAttribute("message")).isEqualTo("image size failed: compressed size 31.2 MB exceeds 25MB");
        assertThat(sizeFailure.getTextContent()).contains("layer 2: 9.8 MB COPY . .");

        Element lintFailure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(lintFailure.getAttribute("type")).isEqualTo("UNSTABLE");
        assertThat(lintFailure.getTextContent())
            .contains("message with <tags> & \"quotes\" and ]]> and a control \uFFFD char")
            .doesNotContain("\u0001");
    }
}
