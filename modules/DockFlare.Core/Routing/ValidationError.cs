namespace DockFlare.Core.Routing;

/// <summary>Why a value was rejected: a stable code and a message that says what to write instead.</summary>
internal readonly record struct ValidationError(string Code, string Message);
