using System.Runtime.CompilerServices;

// NSubstitute (Castle DynamicProxy) builds its substitutes of the agent's internal interfaces, such as
// ICloudflaredController, in this dynamic assembly; DockFlare.Agent.Tests is made a friend in the project file.
[assembly: InternalsVisibleTo("DynamicProxyGenAssembly2")]
