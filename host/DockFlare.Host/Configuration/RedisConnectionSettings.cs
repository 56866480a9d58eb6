using System.Globalization;
using StackExchange.Redis;

namespace DockFlare.Host.Configuration;

/// <summary>A parsed <c>redis://</c> or <c>rediss://</c> URL. Its text form never shows the password.</summary>
internal sealed record RedisConnectionSettings(string Host, int Port, string? User, string? Password, bool UseTls, int Database)
{
    public const int DefaultPort = 6379;

    /// <summary>Parses <paramref name="url"/>; <paramref name="dbIndexSetting"/> is <c>REDIS_DB_INDEX</c>.</summary>
    /// <exception cref="FormatException">The URL is malformed or disagrees with REDIS_DB_INDEX; the message names the setting.</exception>
    public static RedisConnectionSettings Parse(string url, int? dbIndexSetting)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
        {
            throw new FormatException("REDIS_URL must look like redis://[user:password@]host[:port][/db] (or rediss:// for TLS).");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("REDIS_URL names no host: it must look like redis://[user:password@]host[:port][/db].");
        }

        string? user = null;
        string? password = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var rawUser = colon < 0 ? uri.UserInfo : uri.UserInfo[..colon];
            user = rawUser.Length == 0 ? null : Uri.UnescapeDataString(rawUser);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);

            // redis://password@host is a common shorthand for a password without a user.
            if (colon < 0)
            {
                password = user;
                user = null;
            }
        }

        int? urlDb = null;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            if (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedDb))
            {
                // The text is not echoed: with an unencoded '/' or '@' in the password it holds part of it.
                throw new FormatException(
                    "REDIS_URL: what follows the host is not a database number (percent-encode '/', '@' and ':' inside a password).");
            }

            urlDb = parsedDb;
        }

        if (urlDb is not null && dbIndexSetting is not null && urlDb != dbIndexSetting)
        {
            throw new FormatException(
                $"REDIS_URL selects database {urlDb} but REDIS_DB_INDEX is {dbIndexSetting}: set only one, or make them agree.");
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return new RedisConnectionSettings(
            host,
            uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port,
            user,
            password,
            uri.Scheme == "rediss",
            urlDb ?? dbIndexSetting ?? 0);
    }

    public ConfigurationOptions ToConfigurationOptions()
    {
        var options = new ConfigurationOptions
        {
            User = User,
            Password = Password,
            Ssl = UseTls,
            DefaultDatabase = Database,
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
            ClientName = "dockflare",
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    /// <summary>The URL with the password replaced, safe for logs.</summary>
    public override string ToString()
    {
        var credentials = (User, Password) switch
        {
            (null, null) => "",
            (_, null) => $"{User}@",
            _ => $"{User}:***@",
        };
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return $"{(UseTls ? "rediss" : "redis")}://{credentials}{host}:{Port}/{Database}";
    }
}
