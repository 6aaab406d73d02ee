@testable import LabYAML
import Testing

/// What `ailab config` prints reads back as the same tree.
@Suite struct YAMLWriterTests {
    @Test func writesBlockYAMLThatReadsBackTheSame() throws {
        let text = """
            name: shop
            services:
              api:
                command: ["sh", "-c", "echo 'hi' # not a comment"]
                environment: {SECRET: "********", EMPTY: "", MULTI: "a\\nb", COLON: "k: v", BOOL: "true"}
                ports:
                  - {target: "9000", published: "9100"}
                volumes: []
                labels: {}
                unset:

            """
        let tree = try #require(try YAMLReader.compose(text))
        let written = YAMLWriter.write(tree)
        #expect(written.hasPrefix("name: shop\nservices:\n  api:\n    command:\n    - \"sh\"\n"), "\(written)")
        #expect(written.contains("SECRET: \"********\"") && written.contains("published: \"9100\"") && written.contains("BOOL: \"true\""))
        #expect(written.contains("unset: null") && written.contains("volumes: []") && written.contains("labels: {}"))
        // An empty plain value (null) is written as `null`, which compose and the loader read as null too.
        let again = try #require(try YAMLReader.compose(written.replacing("unset: null", with: "unset:")))
        #expect(again == tree)
        #expect(YAMLWriter.write(Node([(Node("K"), Node("********"))])) == "K: '********'\n")
    }

    @Test func textThatWouldReadAsSomethingElseIsQuoted() {
        for text in ["- x", "a: b", "#x", "x #y", "*star", "yes", "null", " lead", "trail:", "[x]", "---"] {
            #expect(!YAMLWriter.isPlainSafe(text), "\(text)")
        }
        for text in ["shop/api:2", "http://h:1/x", "-x", "a-b", "9000", "a#b"] {
            #expect(YAMLWriter.isPlainSafe(text), "\(text)")
        }
    }
}
