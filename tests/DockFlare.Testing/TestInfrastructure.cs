namespace DockFlare.Testing;

/// <summary>
/// The real services the test script (<c>scripts/test.sh</c>) starts for the integration tests: Redis on
/// loopback and a private dockerd. Missing variables fail the test with instructions; they never skip it.
/// </summary>
public static class TestInfrastructure
{
    public const string RedisUrlVariable = "DOCKFLARE_TEST_REDIS_URL";
    public const string DockerHostVariable = "DOCKFLARE_TEST_DOCKER_HOST";
    public const string ImageVariable = "DOCKFLARE_TEST_IMAGE";

    /// <summary>A <c>redis://127.0.0.1:port</c> URL of a Redis server the tests may flush.</summary>
    public static string RedisUrl => Required(RedisUrlVariable);

    /// <summary>The <c>unix://</c> endpoint of the test dockerd.</summary>
    public static string DockerHost => Required(DockerHostVariable);

    /// <summary>The tiny busybox image the script imported (it has <c>sleep</c> and <c>sh</c>).</summary>
    public static string Image => Required(ImageVariable);

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the suite with scripts/test.sh, which starts Redis and dockerd and sets it.");
}
