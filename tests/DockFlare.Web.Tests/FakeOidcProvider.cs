using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DockFlare.Web.Tests;

/// <summary>
/// A small OpenID Connect provider on a loopback port for the sign-in tests: discovery, keys, an authorize endpoint that
/// signs in <see cref="NextUser"/> at once, a token endpoint that checks the PKCE verifier and the client secret, and
/// userinfo. Tokens are RS256-signed with a key made for this run.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "dockflare-ui-tests";
    public const string ClientSecret = "fake-provider-client-secret";

    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];
    private static readonly string[] ClientSecretMethods = ["client_secret_post", "client_secret_basic"];

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, FakeUser> _accessTokens = new();

    private FakeOidcProvider(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The issuer, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who the next authorize request signs in.</summary>
    public FakeUser NextUser { get; set; } = new("someone", "someone@example.com", EmailVerified: true);

    /// <summary>Token requests whose PKCE verifier or client secret was wrong (the client is broken if this is not 0).</summary>
    public int RejectedTokenRequests { get; private set; }

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var app = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] }).Build();
        var provider = new FakeOidcProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["userinfo_endpoint"] = Authority + "/userinfo",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = Code,
            ["subject_types_supported"] = Public,
            ["id_token_signing_alg_values_supported"] = Rs256,
            ["code_challenge_methods_supported"] = S256,
            ["token_endpoint_auth_methods_supported"] = ClientSecretMethods,
        }));

        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            {
                return Results.BadRequest("unexpected authorize request");
            }

            var code = Guid.NewGuid().ToString("N");
            _codes[code] = new Grant(NextUser, query["nonce"].ToString(), query["code_challenge"].ToString(), query["redirect_uri"].ToString());
            var separator = query["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return Results.Redirect($"{query["redirect_uri"]}{separator}code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!_codes.TryRemove(form["code"].ToString(), out var grant)
                || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || form["redirect_uri"] != grant.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            {
                RejectedTokenRequests++;
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var accessToken = Guid.NewGuid().ToString("N");
            _accessTokens[accessToken] = grant.User;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = grant.User.Subject,
                    ["nonce"] = grant.Nonce,
                    ["email"] = grant.User.Email,
                    ["email_verified"] = grant.User.EmailVerified,
                },
            });
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
        });

        app.MapGet("/userinfo", (HttpRequest request) =>
            _accessTokens.TryGetValue(request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal), out var user)
                ? Results.Json(new { sub = user.Subject, email = user.Email, email_verified = user.EmailVerified })
                : Results.Unauthorized());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record Grant(FakeUser User, string Nonce, string Challenge, string RedirectUri);
}

/// <summary>A user of <see cref="FakeOidcProvider"/>.</summary>
public sealed record FakeUser(string Subject, string Email, bool EmailVerified);
