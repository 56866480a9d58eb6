using DockFlare.Core.Engine;

namespace DockFlare.Host.Cli;

/// <summary>What the linter read from a file: its containers and which format they came in.</summary>
internal sealed record LintInput(string File, string Format, IReadOnlyList<ContainerInput> Containers);
