namespace DockFlare.Agent.Tests.Support;

/// <summary>One request the fake master received, and the status it answered (0 when it was down, -1 when the answer was lost).</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? Body, string? Authorization, string? Protocol)
{
    public int Status { get; set; }
}
