using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DockFlare.Host.Api;

/// <summary>The REST API under <c>/api/v2</c>; every endpoint needs the API key (the fallback policy).</summary>
internal static class ApiEndpoints
{
    public const string Prefix = "/api/v2";

    public static IServiceCollection AddDockFlareApi(this IServiceCollection services)
    {
        services.AddDockFlareApiJson();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ManualRuleStore>();
        services.AddTransient<ManualRuleValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapDockFlareApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);
        RoutesEndpoints.Map(api);
        PlanEndpoints.Map(api);
        ChangesEndpoints.Map(api);
        RulesEndpoints.Map(api);
        AdoptEndpoints.Map(api);
        AgentEndpoints.Map(api);
        AgentCommandEndpoints.Map(api);
        api.MapFallback(() => ApiError.Result(StatusCodes.Status404NotFound, "not_found", "No such API endpoint: see docs/api.md."));
        return endpoints;
    }
}
