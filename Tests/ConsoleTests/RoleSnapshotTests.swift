import Canvas
import Testing

/// The role snapshot tells meanings apart where the text snapshot cannot.
struct RoleSnapshotTests {
    @Test func theSameTextInAnotherRoleIsAnotherSnapshot() {
        var healthy = ScreenBuffer(width: 6, height: 1)
        healthy.put("● up", x: 0, y: 0, style: Style(.healthy))
        var crashed = ScreenBuffer(width: 6, height: 1)
        crashed.put("● up", x: 0, y: 0, style: Style(.unhealthy))
        #expect(healthy.text == crashed.text)
        #expect(RoleSnapshot.of(healthy) != RoleSnapshot.of(crashed))
        #expect(RoleSnapshot.of(healthy) == "roles: a=text i=healthy\niiiiaa")
    }
}
