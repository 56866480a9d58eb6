using System.Text.Encodings.Web;
using System.Text.Json;
using DockFlare.Core.State;
using DockFlare.Modules.Auth.Tokens;
using DockFlare.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace DockFlare.Modules.Auth.Tests;

public sealed class ApiKeyAuthenticationHandlerTests : IDisposable
{
    private const string Key = "handler-key-0123456789-abcdefghij";
    private readonly ApiKeyVault _vault = new(
        new AuthOptions { ApiKey = Key }, Substitute.For<IStateStore>(), Substitute.For<IApiKeyAnnouncer>(), NullLogger<ApiKeyVault>.Instance);

    private readonly ApiTokenStore _tokens = new(new InMemoryStateStore(), TimeProvider.System);

    public void Dispose() => _vault.Dispose();

    [Theory]
    [InlineData(ApiTokenScope.ReadWrite, Roles.Admin)]
    [InlineData(ApiTokenScope.Read, Roles.Viewer)]
    public async Task Authenticate_ApiToken_SucceedsWithTheRoleOfItsScope(ApiTokenScope scope, string role)
    {
        var (_, token) = await _tokens.CreateAsync("ci", scope, "admin", CancellationToken.None);
        var (handler, _) = await HandlerFor("Bearer " + token);

        var result = await handler.AuthenticateAsync();

        Assert.True(result.Succeeded);
        Assert.True(result.Principal!.IsInRole(role));
        Assert.Equal("token:ci", result.Principal.Identity!.Name);
    }

    [Fact]
    public async Task Authenticate_RevokedToken_FailsWithTheTokenMessage()
    {
        var (record, token) = await _tokens.CreateAsync("ci", ApiTokenScope.ReadWrite, "admin", CancellationToken.None);
        await _tokens.RevokeAsync(record.Id, CancellationToken.None);
        var (handler, _) = await HandlerFor("Bearer " + token);

        var result = await handler.AuthenticateAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(ApiKeyAuthenticationHandler.WrongTokenMessage, result.Failure!.Message);
    }

    [Fact]
    public async Task Authenticate_RightKey_SucceedsAsTheApiKeyUser()
    {
        var (handler, _) = await HandlerFor("Bearer " + Key);

        var result = await handler.AuthenticateAsync();

        Assert.True(result.Succeeded);
        Assert.Equal("api-key", result.Principal!.Identity!.Name);
    }

    [Fact]
    public async Task Authenticate_NoHeader_HasNoResult()
    {
        var (handler, _) = await HandlerFor(null);

        var result = await handler.AuthenticateAsync();

        Assert.True(result.None);
    }

    [Theory]
    [InlineData("Bearer wrong-key-0123456789-abcdefghijkl", ApiKeyAuthenticationHandler.WrongKeyMessage)]
    [InlineData("Basic dXNlcjpwYXNz", ApiKeyAuthenticationHandler.NotBearerMessage)]
    [InlineData("Bearer", ApiKeyAuthenticationHandler.NotBearerMessage)]
    public async Task Authenticate_BadHeader_FailsWithAMessageThatNamesTheProblem(string header, string message)
    {
        var (handler, _) = await HandlerFor(header);

        var result = await handler.AuthenticateAsync();

        Assert.Equal(message, result.Failure?.Message);
    }

    [Fact]
    public async Task Challenge_AfterWrongKey_Writes401JsonWithBearerChallenge()
    {
        var (handler, context) = await HandlerFor("Bearer wrong-key-0123456789-abcdefghijkl");
        await handler.AuthenticateAsync();

        await handler.ChallengeAsync(new AuthenticationProperties());

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("unauthorized", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(ApiKeyAuthenticationHandler.WrongKeyMessage, body.RootElement.GetProperty("message").GetString());
    }

    private async Task<(ApiKeyAuthenticationHandler Handler, HttpContext Context)> HandlerFor(string? authorization)
    {
        var options = Substitute.For<IOptionsMonitor<AuthenticationSchemeOptions>>();
        options.Get(Arg.Any<string>()).Returns(new AuthenticationSchemeOptions());
        var handler = new ApiKeyAuthenticationHandler(options, NullLoggerFactory.Instance, UrlEncoder.Default, _vault, _tokens);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        await handler.InitializeAsync(
            new AuthenticationScheme(ApiKeyAuthentication.SchemeName, null, typeof(ApiKeyAuthenticationHandler)), context);
        return (handler, context);
    }
}
