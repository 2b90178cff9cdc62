namespace ApimAiGateway.Hosting.Tests;

/// <summary>
/// The repository the serve tests run: a global retry on 429, an Azure OpenAI API over a pool of two simulated regions
/// with a response cache and an x-cost header, and two products, 'basic' (a 40-token-per-minute budget) and 'standard'.
/// </summary>
internal static class TestRepository
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestRepository");

    /// <summary>A fresh directory for files a test writes (subscriptions, broken repositories), removed by the caller.</summary>
    public static string TemporaryDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "apim-serve-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
