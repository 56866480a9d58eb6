namespace DockFlare.EndToEndTests.Support;

/// <summary>One DNS record: its id (which must survive a move), name, type and content.</summary>
internal sealed record DnsRecordView(string Id, string Name, string Type, string Content);
