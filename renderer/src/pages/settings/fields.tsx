// Small form controls for the settings: a share shown as a percent, labelled rows.
import type { ReactNode } from 'react';
import { Flex, InputNumber, Typography } from 'antd';

export function Row({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <Flex align="center" gap={12} style={{ minHeight: 36 }}>
      <Typography.Text style={{ width: 210, flex: 'none', textAlign: 'right' }}>{label}</Typography.Text>
      {children}
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** A share (0..1) edited as a percent; the store keeps the fraction. */
export function PercentInput({
  value,
  onChange,
  disabled,
  label,
}: {
  value: number;
  onChange(v: number): void;
  disabled?: boolean;
  label: string;
}) {
  return (
    <InputNumber
      aria-label={label}
      min={0}
      max={100}
      step={1}
      suffix="%"
      disabled={disabled}
      value={Math.round(value * 1000) / 10}
      onChange={(v) => v !== null && onChange(Math.round(Number(v) * 10) / 1000)}
      style={{ width: 120 }}
    />
  );
}

export function IntInput({
  value,
  onChange,
  disabled,
  label,
  min,
  max,
  suffix,
}: {
  value: number;
  onChange(v: number): void;
  disabled?: boolean;
  label: string;
  min: number;
  max: number;
  suffix?: string;
}) {
  return (
    <InputNumber
      aria-label={label}
      min={min}
      max={max}
      precision={0}
      suffix={suffix}
      disabled={disabled}
      value={value}
      onChange={(v) => v !== null && onChange(Number(v))}
      style={{ width: 120 }}
    />
  );
}
