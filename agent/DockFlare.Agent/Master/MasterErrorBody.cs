namespace DockFlare.Agent.Master;

/// <summary>The master's error envelope: <c>{status, error, message}</c>.</summary>
internal sealed record MasterErrorBody(string? Error, string? Message);
