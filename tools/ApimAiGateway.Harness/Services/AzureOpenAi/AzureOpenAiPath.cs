namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// Where a request points on an Azure OpenAI resource. Two URL shapes exist: the versioned one names the
/// deployment in the path (<c>/openai/deployments/{deployment}/chat/completions?api-version=…</c>), the v1 one
/// (<c>/openai/v1/chat/completions</c>) takes the deployment from the body's <c>model</c> and needs no api-version.
/// </summary>
/// <param name="Deployment">The deployment named in the path; null on the v1 shape.</param>
internal sealed record AzureOpenAiPath(AzureOpenAiOperation Operation, string? Deployment)
{
    public bool IsV1 => Deployment is null;

    public static AzureOpenAiPath? Parse(Uri uri)
    {
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments switch
        {
            ["openai", "deployments", var deployment, .. var rest] when deployment.Length > 0 && OperationOf(rest) is { } operation =>
                new AzureOpenAiPath(operation, Uri.UnescapeDataString(deployment)),
            ["openai", "v1", .. var rest] when OperationOf(rest) is { } operation => new AzureOpenAiPath(operation, null),
            _ => null,
        };
    }

    private static AzureOpenAiOperation? OperationOf(string[] rest) => rest switch
    {
        ["chat", "completions"] => AzureOpenAiOperation.ChatCompletions,
        ["embeddings"] => AzureOpenAiOperation.Embeddings,
        _ => null,
    };
}
