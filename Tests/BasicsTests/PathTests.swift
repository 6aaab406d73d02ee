import Basics
import Foundation
import Testing

/// `Path` keeps NSString's path rules; NSString is the oracle.
@Suite struct PathTests {
    static let paths = ["/a/b", "/a/b/", "/a", "/", "a", "a/b", "a/b/", "", "/x/compose.yaml", "dir.d/file", ".env", "/x/a.tar.gz", "//a//b"]

    @Test(arguments: paths) func matchesNSString(_ path: String) {
        let ns = path as NSString
        #expect(Path.lastComponent(path) == ns.lastPathComponent, "last of \(path)")
        #expect(Path.pathExtension(path) == ns.pathExtension, "extension of \(path)")
    }

    /// NSString's `deletingLastPathComponent` traps on some of these in this toolchain's
    /// Foundation, so its answers are written out.
    @Test func parentAndStem() {
        let parents = ["/a/b": "/a", "/a/b/": "/a", "/a": "/", "/": "/", "a": "", "a/b": "a", "a/b/": "a", "": "", "/x/compose.yaml": "/x"]
        for (path, parent) in parents { #expect(Path.parent(path) == parent, "parent of \(path)") }
        let stems = ["/x/a.yml": "/x/a", ".env": ".env", "a.tar.gz": "a.tar", "dir.d/file": "dir.d/file", "b/": "b"]
        for (path, stem) in stems { #expect(Path.deletingExtension(path) == stem, "stem of \(path)") }
    }

    @Test func joinAndTilde() {
        #expect(Path.join("/a", "b") == "/a/b")
        #expect(Path.join("/a/", "b") == "/a/b")
        #expect(Path.join("/a", "/b") == "/a/b")
        #expect(Path.join("", "b") == "b")
        #expect(Path.expandingTilde("~", home: "/home/u") == "/home/u")
        #expect(Path.expandingTilde("~/x/y", home: "/home/u") == "/home/u/x/y")
        #expect(Path.expandingTilde("~other/x", home: "/home/u") == "~other/x")
        #expect(Path.home(["HOME": "/h"]) == "/h")
        #expect(!Path.home([:]).isEmpty)
    }
}
