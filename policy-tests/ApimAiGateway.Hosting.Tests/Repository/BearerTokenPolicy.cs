using System.ClientModel.Primitives;

namespace ApimAiGateway.Hosting.Tests.Repository;

/// <summary>Adds the caller's Entra ID token to every request, beside the subscription key the client sends itself.</summary>
internal sealed class BearerTokenPolicy(string token) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("Authorization", $"Bearer {token}");
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("Authorization", $"Bearer {token}");
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
