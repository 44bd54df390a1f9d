import { maskAddress, maskIdNumber, maskName, maskPhone } from './personal-data';

describe('personal data masking', () => {
  it('masks an 18-digit resident identity number to its region and last four', () => {
    expect(maskIdNumber('37012419900101123X')).toBe('3701**********123X');
  });

  it('masks a mobile number in the 3-4-4 convention', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0531-87654321')).toBe('053********21');
  });

  it('masks names and addresses', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskAddress('平阴县榆山街道青龙路88号')).toBe('平阴县榆山街****');
    expect(maskIdNumber('1234')).toBe('***4');
  });
});
