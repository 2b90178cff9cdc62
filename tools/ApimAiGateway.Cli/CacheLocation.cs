namespace ApimAiGateway.Cli;

/// <summary>Where compiled expressions are cached between runs: APIM_POLICY_CACHE, else the user's cache folder.</summary>
internal static class CacheLocation
{
    public static string Default()
    {
        var configured = Environment.GetEnvironmentVariable("APIM_POLICY_CACHE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "apim-policy");
    }
}
