using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DockFlare.Host.Cli.Tests")]
