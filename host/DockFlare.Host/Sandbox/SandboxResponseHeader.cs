namespace DockFlare.Host.Sandbox;

/// <summary>Marks every response of a sandboxed master with <c>X-DockFlare-Sandbox: true</c>.</summary>
internal static class SandboxResponseHeader
{
    public const string Name = "X-DockFlare-Sandbox";

    public static IApplicationBuilder UseSandboxResponseHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Added as the response starts, so that error handlers clearing the headers do not drop it.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Name] = "true";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
