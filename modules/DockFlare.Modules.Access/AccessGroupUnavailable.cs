namespace DockFlare.Modules.Access;

/// <summary>A group a reconcile pass could not use: its definition then, and why.</summary>
internal sealed record AccessGroupUnavailable(AccessGroupDefinition Group, string Reason);
