import DockerClient

/// A host and port the Ports screen asks "is anything listening?" (`PortAddress` picks the
/// host). Named here so the console keeps no arrow to DockerClient, whose `PortProbe` does
/// the connecting (only DockerClient opens sockets).
public typealias PortTarget = PortProbe.Target
