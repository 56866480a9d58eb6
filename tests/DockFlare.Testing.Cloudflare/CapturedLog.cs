namespace DockFlare.Testing.Cloudflare;

/// <summary>One log entry written by the provider.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);
