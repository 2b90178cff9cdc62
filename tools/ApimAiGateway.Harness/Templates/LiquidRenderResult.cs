using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Templates;

/// <summary>The rendered body, or why the template could not be rendered.</summary>
public sealed record LiquidRenderResult
{
    private LiquidRenderResult(string? output, string? failure)
    {
        Output = output;
        Failure = failure;
    }

    [MemberNotNullWhen(true, nameof(Output))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Output is not null;

    public string? Output { get; }

    public string? Failure { get; }

    public static LiquidRenderResult Success(string output) => new(output, null);

    public static LiquidRenderResult Fail(string failure) => new(null, failure);
}
