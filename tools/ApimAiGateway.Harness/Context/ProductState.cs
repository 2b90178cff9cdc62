namespace ApimAiGateway.Harness.Context;

public enum ProductState
{
    NotPublished,
    Published,
}
