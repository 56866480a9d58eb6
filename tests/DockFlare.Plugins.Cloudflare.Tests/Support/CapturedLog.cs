namespace DockFlare.Plugins.Cloudflare.Tests.Support;

/// <summary>One log entry written by the provider.</summary>
internal sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);
