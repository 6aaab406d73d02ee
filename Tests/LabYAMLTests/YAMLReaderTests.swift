@testable import LabYAML
import Testing

/// The reader against the YAML that compose files, the built-in catalog and themes use.
@Suite struct YAMLReaderTests {
    func read(_ text: String) throws -> Node {
        try #require(try YAMLReader.compose(text))
    }

    func plain(_ node: Node?) -> String? { node?.scalar?.string }

    @Test func blockMappingsAndSequencesNestAndKeepOrder() throws {
        let root = try read("b: 1\na:\n  - x\n  - y: 2\n    z: 3\n  -\n    - deep\nc:\n- at the key's column\n")
        #expect(root.mapping?.map { $0.key.string } == ["b", "a", "c"])
        let list = try #require(root.mapping?["a"]?.sequence)
        #expect(list.count == 3 && plain(list[0]) == "x")
        #expect(plain(list[1].mapping?["z"]) == "3" && list[1].mapping?.count == 2)
        #expect(plain(list[2].sequence?.first) == "deep")
        #expect(plain(root.mapping?["c"]?.sequence?.first) == "at the key's column")
    }

    @Test func flowCollectionsSpanLinesAndNest() throws {
        let root = try read("p: [\"80:80\", 443, {a: 1, b: [x, y]}, ]\nq: {k: v, empty, # note\n  url: http://h:1/x}\n")
        let p = try #require(root.mapping?["p"]?.sequence)
        #expect(p.count == 3 && plain(p[0]) == "80:80" && p[0].scalar?.style == .doubleQuoted)
        #expect(plain(p[2].mapping?["b"]?.sequence?.last) == "y")
        let q = try #require(root.mapping?["q"]?.mapping)
        #expect(plain(q["url"]) == "http://h:1/x" && plain(q["empty"]) == "" && q["empty"]?.scalar?.style == .plain)
    }

    @Test func anchorsAliasesAndMergeKeysAreKept() throws {
        let root = try read("x-base: &base\n  restart: always\n  env: &e {A: 1}\nsvc:\n  <<: *base\n  other: *e\n")
        let svc = try #require(root.mapping?["svc"]?.mapping)
        #expect(svc[0].key.string == "<<" && svc[0].key.scalar?.style == .plain)
        #expect(plain(svc[0].value.mapping?["restart"]) == "always")
        #expect(plain(svc["other"]?.mapping?["A"]) == "1")
    }

    @Test(arguments: [
        ("v: |\n  a\n   b\n\n  c\n\nw: 1\n", "a\n b\n\nc\n"),
        ("v: |-\n  a\n\n", "a"),
        ("v: |+\n  a\n\n", "a\n\n"),
        ("v: >\n  one\n  two\n\n  three\n    indented\n  four\n", "one two\nthree\n  indented\nfour\n"),
        ("v: >-\n  folded\n  text\n", "folded text"),
        ("v: |2\n    two more\n  base\n", "  two more\nbase\n"),
        ("- |\n  in a list\n- next\n", "in a list\n"),
        ("v: |\n  last line without a break", "last line without a break"),
    ])
    func blockScalarsFollowTheirIndicators(text: String, expected: String) throws {
        let root = try read(text)
        let value = root.mapping?["v"] ?? root.sequence?.first
        #expect(plain(value) == expected)
    }

    @Test func quotedScalarsUnescapeAndFold() throws {
        let root = try read("a: \"tab\\there \\\"q\\\" \\u00e9\\x41 \\\\\"\nb: 'it''s'\nc: \"one\n  two\n\n  three\"\nd: \"joined\\\n  here\"\n")
        #expect(plain(root.mapping?["a"]) == "tab\there \"q\" éA \\")
        #expect(plain(root.mapping?["b"]) == "it's")
        #expect(plain(root.mapping?["c"]) == "one two\nthree")
        #expect(plain(root.mapping?["d"]) == "joinedhere")
    }

    @Test func plainScalarsStopAtCommentsAndFoldOverLines() throws {
        let root = try read("a: value # comment\nb: http://x:8080/#frag\nc: first\n  second\n# between\nd: 'x' # after quotes\n")
        #expect(plain(root.mapping?["a"]) == "value")
        #expect(plain(root.mapping?["b"]) == "http://x:8080/#frag")
        #expect(plain(root.mapping?["c"]) == "first second")
        #expect(plain(root.mapping?["d"]) == "x")
    }

    @Test func tagsDocumentMarkersAndEmptyValues() throws {
        let root = try read("%YAML 1.2\n---\nports: !reset []\nenv: !override\n  A: 1\nnothing:\nnull-tag: !!null\n...\n")
        #expect(root.mapping?["ports"]?.tag.description == "!reset")
        #expect(root.mapping?["env"]?.tag.description == "!override" && plain(root.mapping?["env"]?.mapping?["A"]) == "1")
        #expect(plain(root.mapping?["nothing"]) == "" && root.mapping?["null-tag"]?.tag == Tag.null)
        #expect(try YAMLReader.compose("# only a comment\n") == nil)
        #expect(try YAMLReader.compose("") == nil)
    }

    @Test func marksAreLineAndColumnFromOne() throws {
        let root = try read("services:\n  web:\n    image: \"x\"\n    é: [a]\n")
        let web = try #require(root.mapping?["services"]?.mapping?["web"])
        #expect(web.mark == Mark(line: 3, column: 5))
        #expect(web.mapping?["image"]?.mark == Mark(line: 3, column: 12))
        #expect(web.mapping?["é"]?.mark == Mark(line: 4, column: 8))
    }

    @Test(arguments: [
        ("services:\n  web:\n    image: [unclosed\n", 4, 1, "never closed"),
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a'"),
        ("a: *nowhere\n", 1, 4, "no anchor &nowhere"),
        ("a: \"open\n", 2, 1, "never closed"),
        ("a: b: c\n", 1, 5, "mapping values are not allowed"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "bad indentation"),
        ("a:\n\t- b\n", 2, 2, "a tab cannot indent"),
        ("a: 1\n---\nb: 2\n", 2, 1, "expected a single document"),
        ("v: \"\\q\"\n", 1, 5, "unknown escape"),
        ("- a\nb: 1\n", 2, 1, "end of the document"),
    ])
    func errorsSayWhatAndWhere(text: String, line: Int, column: Int, problem: String) {
        #expect {
            _ = try YAMLReader.compose(text)
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.line == line && error.column == column && error.problem.contains(problem)
        }
    }
}
