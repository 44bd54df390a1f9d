export interface HealthDto {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
  uptimeSeconds: number;
}
