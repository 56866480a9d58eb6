using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using DockFlare.Core.State;

namespace DockFlare.Modules.State.Tests;

/// <summary>What only the embedded store has: files, crashes mid-write, corruption and schema versions on disk.</summary>
public sealed class FileStateStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private FileStateStore Open() => new(_directory.Path, 100);

    private string SettingsFile => _directory.File("settings.json");

    [Fact]
    public async Task Open_StrayTempFileFromCrashedWrite_KeepsLastGoodStateAndRemovesTheTempFile()
    {
        await Open().SetSettingAsync(new SettingEntry("k", "good", false));
        var stray = SettingsFile + StateFile.TempMarker + "crashed";
        await File.WriteAllTextAsync(stray, """{"schemaVersion":1,"data":{"k":{"key":"k","val""");

        var loaded = await Open().GetSettingAsync("k");

        Assert.Equal("good", loaded?.Value);
        Assert.False(File.Exists(stray));
    }

    [Fact]
    public async Task GetSetting_TruncatedFile_ThrowsNamingTheFileAndLeavesItUntouched()
    {
        await Open().SetSettingAsync(new SettingEntry("k", "good", false));
        var bytes = await File.ReadAllBytesAsync(SettingsFile);
        var truncated = bytes[..(bytes.Length / 2)];
        await File.WriteAllBytesAsync(SettingsFile, truncated);

        var error = await Assert.ThrowsAsync<StateCorruptedException>(() => Open().GetSettingAsync("k"));

        Assert.Contains(SettingsFile, error.Message, StringComparison.Ordinal);
        Assert.Equal(truncated, await File.ReadAllBytesAsync(SettingsFile));
    }

    [Fact]
    public async Task SetSetting_CorruptFile_FailsInsteadOfReplacingStateWithEmpty()
    {
        await Open().SetSettingAsync(new SettingEntry("k", "good", false));
        await File.WriteAllTextAsync(SettingsFile, "{\"schemaVersion\":1,");

        await Assert.ThrowsAsync<StateCorruptedException>(() => Open().SetSettingAsync(new SettingEntry("other", "x", false)));

        Assert.Equal("{\"schemaVersion\":1,", await File.ReadAllTextAsync(SettingsFile));
    }

    [Fact]
    public async Task GetSetting_ValueEditedWithoutChecksum_ThrowsChecksumError()
    {
        await Open().SetSettingAsync(new SettingEntry("k", "good", false));
        var text = await File.ReadAllTextAsync(SettingsFile);
        await File.WriteAllTextAsync(SettingsFile, text.Replace("good", "evil", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<StateCorruptedException>(() => Open().GetSettingAsync("k"));

        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRoutes_DataOfTheWrongShape_ThrowsCorruptedNamingTheFile()
    {
        await WriteEnvelopeAsync("routes", 1, JsonNode.Parse("""{"local:local":{"version":"x"}}""")!);

        var error = await Assert.ThrowsAsync<StateCorruptedException>(() => Open().GetRoutesAsync(RouteSourceKey.Local));

        Assert.Contains(_directory.File("routes.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSetting_FileFromNewerSchema_ThrowsSchemaErrorNamingBothVersions()
    {
        await WriteEnvelopeAsync("settings", StateSchema.CurrentVersion + 1, new JsonObject());

        var error = await Assert.ThrowsAsync<StateSchemaException>(() => Open().GetSettingAsync("k"));

        Assert.Contains($"schema version {StateSchema.CurrentVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains(SettingsFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadChanges_SchemaZeroFixture_IsMigratedWithSequencesAndRewrittenAtCurrentVersion()
    {
        // Schema 0: bare data without an envelope; the change log an array without sequence numbers.
        await File.WriteAllTextAsync(_directory.File("changes.json"), """
            [
              {"at":"2026-03-14T15:00:00+00:00","kind":"dns.create","target":"a.example.com","cause":"container 'a'","before":null,"after":"{}"},
              {"at":"2026-03-14T15:01:00+00:00","kind":"dns.delete","target":"b.example.com","cause":"user 'x'","before":"{}","after":null}
            ]
            """);
        await File.WriteAllTextAsync(SettingsFile, """{"tunnel_name":{"key":"tunnel_name","value":"t","isJson":false}}""");
        var store = Open();

        var changes = await store.ReadChangesAsync(null, 10);
        var appended = await store.AppendChangeAsync(StateSamples.Change());

        Assert.Equal([(2L, "b.example.com"), (1L, "a.example.com")], changes.Select(c => (c.Sequence, c.Target)));
        Assert.Null(changes[0].After);
        Assert.Equal(3, appended.Sequence);
        Assert.Equal(new SettingEntry("tunnel_name", "t", false), await store.GetSettingAsync("tunnel_name"));
        var rewritten = JsonNode.Parse(await File.ReadAllTextAsync(_directory.File("changes.json")))!;
        Assert.Equal(StateSchema.CurrentVersion, rewritten["schemaVersion"]!.GetValue<int>());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SetSetting_OnUnix_WritesOwnerOnlyFiles()
    {
        await Open().SetSettingAsync(new SettingEntry("k", "v", false));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SettingsFile));
    }

    [Fact]
    public async Task ReplaceRoutes_TwoStoreInstancesInParallel_ShareOneLockAndLoseNothing()
    {
        var stores = new[] { Open(), Open(), Open() };

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            stores[i % stores.Length].PutOwnershipAsync(StateSamples.Ownership(OwnedObjectKind.DnsRecord, $"r{i:00}"))));

        Assert.Equal(30, (await Open().ListOwnershipAsync(OwnedObjectKind.DnsRecord)).Count);
        Assert.Empty(Directory.EnumerateFiles(_directory.Path, "*" + StateFile.TempMarker + "*"));
    }

    private Task WriteEnvelopeAsync(string recordType, int version, JsonNode data)
    {
        var payload = data.ToJsonString();
        var envelope = new JsonObject
        {
            ["schemaVersion"] = version,
            ["recordType"] = recordType,
            ["checksum"] = StateFile.Checksum(payload),
            ["data"] = JsonNode.Parse(payload),
        };
        return File.WriteAllTextAsync(_directory.File(recordType + ".json"), envelope.ToJsonString());
    }
}
