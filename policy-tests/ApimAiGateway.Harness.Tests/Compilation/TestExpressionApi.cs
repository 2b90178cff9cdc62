namespace ApimAiGateway.Harness.Tests.Compilation.TestApi;

/// <summary>A minimal stand-in for the expression API, so the compiler is tested apart from the context model.</summary>
public interface ITestContext
{
    IReadOnlyDictionary<string, object> Variables { get; }

    string Name { get; }
}

public sealed class TestContext(string name, Dictionary<string, object>? variables = null) : ITestContext
{
    public IReadOnlyDictionary<string, object> Variables { get; } = variables ?? [];

    public string Name { get; } = name;
}
