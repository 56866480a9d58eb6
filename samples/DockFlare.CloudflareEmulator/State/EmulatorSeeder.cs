using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Endpoints;
using DockFlare.CloudflareEmulator.Infrastructure;

namespace DockFlare.CloudflareEmulator.State;

/// <summary>Fills a store from a seed. Ids left unset are derived from names, so they are the same on every start.</summary>
internal static class EmulatorSeeder
{
    /// <exception cref="ArgumentException">The seed is inconsistent (bad id, unknown account in a token, short token).</exception>
    public static void Apply(EmulatorStore store, EmulatorSeed seed)
    {
        var now = store.Now;
        foreach (var seedAccount in seed.Accounts)
        {
            var account = new AccountState
            {
                Id = CheckedHex(seedAccount.Id ?? Ids.StableHex("account:" + seedAccount.Name), "account"),
                Name = seedAccount.Name,
                CreatedOn = now,
                AccessEnabled = seedAccount.AccessEnabled,
                MemberEmails = [.. seedAccount.Members],
            };
            store.Accounts.Add(account.Id, account);
            var oneTimePin = new AccessObjectState
            {
                Id = Ids.NewUuid(),
                AccountId = account.Id,
                Body = new JsonObject { ["name"] = "One-time PIN", ["type"] = "onetimepin", ["config"] = new JsonObject() },
                CreatedAt = now,
                UpdatedAt = now,
            };
            store.IdentityProviders.Add(oneTimePin.Id, oneTimePin);
            foreach (var seedZone in seedAccount.Zones)
            {
                var zone = new ZoneState
                {
                    Id = CheckedHex(seedZone.Id ?? Ids.StableHex("zone:" + seedZone.Name), "zone"),
                    Name = seedZone.Name.Trim().TrimEnd('.').ToLowerInvariant(),
                    AccountId = account.Id,
                    Status = seedZone.Status,
                    CreatedOn = now,
                };
                store.Zones.Add(zone.Id, zone);
                foreach (var seedRecord in seedZone.Records)
                {
                    var record = new DnsRecordState
                    {
                        Id = Ids.NewHex(), ZoneId = zone.Id, Type = seedRecord.Type.ToUpperInvariant(),
                        Name = DnsRules.NormaliseName(seedRecord.Name, zone), Content = seedRecord.Content, Proxied = seedRecord.Proxied,
                        CreatedOn = now, ModifiedOn = now,
                    };
                    DnsRules.Validate(record);
                    store.DnsRecords.Add(record.Id, record);
                }
            }
        }

        foreach (var seedToken in seed.Tokens)
        {
            if (seedToken.Value.Length < 40 || !seedToken.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new ArgumentException("A seeded token must be at least 40 characters of A-Z, a-z, 0-9, _ and -.", nameof(seed));
            }

            var accounts = seedToken.Accounts.Count == 0
                ? store.Accounts.Keys.ToList()
                : seedToken.Accounts.Select(a => store.Accounts.Values.FirstOrDefault(x => x.Id == a || x.Name == a)?.Id
                    ?? throw new ArgumentException($"A seeded token names an unknown account '{a}'.", nameof(seed))).ToList();
            store.Tokens.Add(seedToken.Value, new TokenState
            {
                Value = seedToken.Value,
                Id = Ids.StableHex("token:" + seedToken.Value),
                Owner = seedToken.Owner,
                AccountIds = accounts,
                Permissions = new HashSet<string>(seedToken.Permissions, StringComparer.OrdinalIgnoreCase),
                Status = seedToken.Status,
            });
        }
    }

    private static string CheckedHex(string id, string what) =>
        Ids.IsHex(id) ? id : throw new ArgumentException($"A seeded {what} id must be 32 lower-case hex characters: '{id}'.", nameof(id));
}
