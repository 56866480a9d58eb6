using System.Runtime.CompilerServices;

// The agent tests start the real master (DockFlareApp is internal), like the host's own tests.
[assembly: InternalsVisibleTo("DockFlare.Modules.Agents.Tests")]
